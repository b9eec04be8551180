package org.hifill.model.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import org.hifill.model.layers.Scoped;

/**
 * The attention computing module, ACM (paper section 3.3; reference section 5, steps 2-5). On
 * the 1/8-resolution feature map F it sub-samples by 2 to P, compares every 3x3 neighbourhood of
 * P (the queries, not normalised) with every L2-normalised 3x3 patch of P (the keys), fuses the
 * scores along diagonals and turns them into attention scores with a softmax of scale 10 over
 * the valid keys.
 */
public final class ContextualAttention {

    /** The release's softmax scale. */
    public static final float SOFTMAX_SCALE = 10f;

    private ContextualAttention() {}

    /**
     * @param features F, (N, C, H/8, W/8)
     * @param validKeys (N, 1, L) from {@link ValidKeys#fromHoleMask}
     * @return the attention matrix A, (N, L, L) with L = H/16 * W/16: row = query cell, column =
     *     key cell, both in raster order
     */
    public static NDArray attention(NDArray features, NDArray validKeys) {
        return Scoped.compute(new NDList(features, validKeys), () -> new NDList(scores(features, validKeys)))
                .singletonOrThrow();
    }

    private static NDArray scores(NDArray features, NDArray validKeys) {
        NDArray p = features.get(":, :, ::2, ::2");
        int gridH = (int) p.getShape().get(2);
        int gridW = (int) p.getShape().get(3);
        NDArray patches = neighbourhoods(p);
        // max(sqrt(s), 1e-8) taken as sqrt(max(s, 1e-16)): the same values, but an all-zero key has
        // gradient 0 instead of 0 * inf = NaN.
        NDArray norms = patches.square().sum(new int[] {2}, true).maximum(1e-16f).sqrt();
        NDArray scores = patches.batchMatMul(patches.div(norms).transpose(0, 2, 1));
        NDArray fused = DiagonalFuse.fuse(scores, gridH, gridW);
        // Invalid keys are zeroed before the softmax, not set to minus infinity (as released),
        // so rows sum to less than one.
        return fused.mul(validKeys).mul(SOFTMAX_SCALE).softmax(2).mul(validKeys);
    }

    /**
     * Every 3x3 neighbourhood of P with zero padding, as rows of a matrix: (N, L, C * 9).
     */
    static NDArray neighbourhoods(NDArray p) {
        Shape s = p.getShape();
        long n = s.get(0);
        long c = s.get(1);
        long h = s.get(2);
        long w = s.get(3);
        NDArray padded = p.pad(new Shape(1, 1, 1, 1), 0);
        NDList shifts = new NDList(9);
        for (int dy = 0; dy < 3; dy++) {
            for (int dx = 0; dx < 3; dx++) {
                shifts.add(padded.get(":, :, " + dy + ":" + (dy + h) + ", " + dx + ":" + (dx + w)));
            }
        }
        return NDArrays.stack(shifts, 2).transpose(0, 3, 4, 1, 2).reshape(n, h * w, c * 9);
    }
}
