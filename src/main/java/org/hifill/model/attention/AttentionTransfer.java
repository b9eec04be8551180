package org.hifill.model.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.hifill.model.layers.SamePadding;

/**
 * The attention transfer module's core, ATM (paper section 3.3; reference section 5, steps 6-7):
 * every query cell becomes the attention-weighted sum of the key cells' patches of a feature map.
 *
 * <p>The release does this with a transposed convolution of A with k x k patches taken at stride
 * s (TF "SAME"), k = 3 at the attention level and k = 2s above it, cropped at the "SAME" offset.
 * The engine has no transposed convolution, so here it is a matrix product
 * {@code A (L x L) x patches (L x 2s*2s*C)} followed by an overlap-add: each 2s x 2s result is
 * four s x s quadrants, added into the output cell grid at offsets (0,0), (0,1), (1,0), (1,1).
 * A 3x3 kernel at stride 2 is the 4x4 case with its last row and column zeroed.
 */
public final class AttentionTransfer {

    private AttentionTransfer() {}

    /**
     * @param attention A, (N, L, L)
     * @param features (N, C, H, W) with H = s * gridH and W = s * gridW
     * @param gridH attention grid rows
     * @param gridW attention grid columns
     * @param kernel patch size k, 2 < k <= 2s
     * @param keys the key cells that may carry weight, or {@code null} for all of them
     * @return (N, C, H, W)
     */
    public static NDArray transfer(
            NDArray attention, NDArray features, int gridH, int gridW, int kernel, KeySelection keys) {
        Shape s = features.getShape();
        long n = s.get(0);
        long c = s.get(1);
        int h = (int) s.get(2);
        int w = (int) s.get(3);
        int stride = h / gridH;
        if (stride * gridH != h || stride * gridW != w || kernel > 2 * stride) {
            throw new IllegalArgumentException("attention transfer: features " + s + " do not fit a "
                    + gridH + "x" + gridW + " grid with kernel " + kernel);
        }
        int before = SamePadding.before(h, kernel, stride, 1);
        int beforeW = SamePadding.before(w, kernel, stride, 1);
        // Cells of the padded map: patch (i, j) spans cells (i..i+1, j..j+1).
        NDArray cells = features
                .pad(new Shape(beforeW, (gridW + 1) * stride - w - beforeW,
                        before, (gridH + 1) * stride - h - before), 0)
                .reshape(n, c, gridH + 1, stride, gridW + 1, stride);
        long quadrantSize = c * stride * stride;
        long cellCount = (long) gridH * gridW;
        NDList quadrants = new NDList(4);
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                NDArray q = cells.get(":, :, " + a + ":" + (a + gridH) + ", :, " + b + ":" + (b + gridW) + ", :")
                        .transpose(0, 2, 4, 1, 3, 5);
                if (kernel < 2 * stride) {
                    q = q.mul(kernelMask(features.getManager(), a, b, stride, kernel));
                }
                quadrants.add(q.reshape(n, cellCount, quadrantSize));
            }
        }
        NDArray patches = ai.djl.ndarray.NDArrays.concat(quadrants, 2);
        NDArray weights = attention;
        if (keys != null) {
            patches = keys.selectRows(patches);
            weights = keys.selectColumns(attention);
        }
        NDArray blocks = weights.batchMatMul(patches);
        NDArray sum = null;
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                int index = a * 2 + b;
                NDArray q = blocks.get(":, :, " + index * quadrantSize + ":" + (index + 1) * quadrantSize)
                        .reshape(n, gridH, gridW, c, stride, stride)
                        .transpose(0, 3, 1, 4, 2, 5)
                        .pad(new Shape(0, 0, b, 1 - b, 0, 0, a, 1 - a), 0);
                sum = sum == null ? q : sum.add(q);
            }
        }
        return sum.reshape(n, c, (gridH + 1) * stride, (gridW + 1) * stride)
                .get(":, :, " + before + ":" + (before + h) + ", " + beforeW + ":" + (beforeW + w));
    }

    /** 1 where quadrant (a, b) of a 2s x 2s patch lies inside the k x k kernel. */
    private static NDArray kernelMask(NDManager manager, int a, int b, int stride, int kernel) {
        float[] mask = new float[stride * stride];
        for (int r = 0; r < stride; r++) {
            for (int col = 0; col < stride; col++) {
                boolean inside = a * stride + r < kernel && b * stride + col < kernel;
                mask[r * stride + col] = inside ? 1f : 0f;
            }
        }
        return manager.create(mask, new Shape(stride, stride));
    }
}
