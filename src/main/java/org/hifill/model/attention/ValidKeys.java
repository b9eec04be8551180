package org.hifill.model.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;

/**
 * Which attention keys may be copied from (reference section 5, step 5): a key cell is valid when
 * no hole pixel falls in it or in its 8 neighbours. The hole mask is max-pooled 16x16 (stride 16)
 * onto the attention grid, then 3x3 (stride 1), and inverted.
 */
public final class ValidKeys {

    /** Side of one attention cell in input pixels. */
    public static final int CELL = 16;

    private ValidKeys() {}

    /**
     * @param holeMask (N, 1, H, W), 1 = hole, H and W multiples of {@link #CELL}
     * @return (N, 1, L) with 1 for valid keys and 0 for keys touching the hole, L = H/16 * W/16
     */
    public static NDArray fromHoleMask(NDArray holeMask) {
        Shape s = holeMask.getShape();
        NDArray cells = Pool.maxPool2d(holeMask, new Shape(CELL, CELL), new Shape(CELL, CELL),
                new Shape(0, 0), false);
        // TF's "SAME" max-pool ignores padding; a 0/1 mask padded by the engine behaves alike.
        NDArray touched = Pool.maxPool2d(cells, new Shape(3, 3), new Shape(1, 1), new Shape(1, 1), false);
        return touched.neg().add(1f).reshape(s.get(0), 1, (s.get(2) / CELL) * (s.get(3) / CELL));
    }
}
