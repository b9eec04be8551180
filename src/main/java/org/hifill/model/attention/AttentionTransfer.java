package org.hifill.model.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import java.util.HashMap;
import java.util.Map;
import org.hifill.model.layers.SamePadding;
import org.hifill.model.layers.Scoped;

/**
 * The attention transfer module's core, ATM (paper section 3.3; reference section 5, steps 6-7):
 * every query cell becomes the attention-weighted sum of the key cells' patches of a feature map.
 *
 * <p>The release does this with a transposed convolution of A with k x k patches taken at stride
 * s (TF "SAME"), k = 3 at the attention level and k = 2s above it, cropped at the "SAME" offset.
 * The engine has no transposed convolution. Each 2s x 2s patch is four s x s cells of the padded
 * map, and output cell p receives quadrant (a, b) of query p - (a, b)'s result, so the whole
 * transfer is one product with the s x s cells themselves:
 * {@code out[p] = sum_j B[p, j] * cell[j]} with {@code B[p, j] = sum_(a,b) A[p - (a,b), j - (a,b)]}
 * on the (rows + 1) x (cols + 1) cell grid. That is a quarter of the work of multiplying A with
 * the overlapping patches. A kernel smaller than 2s (3 at stride 2) only lets some quadrants reach
 * some positions inside a cell; positions are then grouped by the quadrants that reach them.
 */
public final class AttentionTransfer {

    private AttentionTransfer() {}

    /**
     * @param attention A, (N, L, L), L = gridH * gridW
     * @param features (N, C, H, W) with H = s * gridH and W = s * gridW
     * @param kernel patch size k, s < k <= 2s
     * @param validKeys (N, 1, L), 0 for keys whose column of A is zero, or {@code null}; cells that
     *     only such keys reach are left out of the product, which does not change it
     * @return (N, C, H, W)
     */
    public static NDArray transfer(
            NDArray attention, NDArray features, int gridH, int gridW, int kernel, NDArray validKeys) {
        NDList inputs = validKeys == null ? new NDList(features, attention) : new NDList(features, attention, validKeys);
        return Scoped.compute(inputs, () -> new NDList(compute(attention, features, gridH, gridW, kernel, validKeys)))
                .singletonOrThrow();
    }

    private static NDArray compute(
            NDArray attention, NDArray features, int gridH, int gridW, int kernel, NDArray validKeys) {
        Shape s = features.getShape();
        long n = s.get(0);
        long c = s.get(1);
        int h = (int) s.get(2);
        int w = (int) s.get(3);
        int stride = h / gridH;
        if (stride * gridH != h || stride * gridW != w || kernel > 2 * stride || kernel <= stride) {
            throw new IllegalArgumentException("attention transfer: features " + s + " do not fit a "
                    + gridH + "x" + gridW + " grid with kernel " + kernel);
        }
        int rows = gridH + 1;
        int cols = gridW + 1;
        long cells = (long) rows * cols;
        int beforeH = SamePadding.before(h, kernel, stride, 1);
        int beforeW = SamePadding.before(w, kernel, stride, 1);
        NDArray cellMatrix = features
                .pad(new Shape(beforeW, cols * stride - w - beforeW, beforeH, rows * stride - h - beforeH), 0)
                .reshape(n, c, rows, stride, cols, stride)
                .transpose(0, 2, 4, 3, 5, 1)
                .reshape(n, cells, (long) stride * stride, c);
        NDArray grid = attention.reshape(n, gridH, gridW, gridH, gridW);
        KeySelection keys = validKeys == null ? null
                : KeySelection.of(spread(validKeys.reshape(n, gridH, gridW), ALL_QUADRANTS).reshape(n, 1, cells));

        NDArray out;
        if (kernel == 2 * stride) {
            out = product(spread(grid, ALL_QUADRANTS).reshape(n, cells, cells),
                    cellMatrix.reshape(n, cells, (long) stride * stride * c), keys);
        } else {
            Map<Integer, NDArray> spreadBySet = new HashMap<>();
            NDList positions = new NDList(stride * stride);
            for (int r = 0; r < stride; r++) {
                for (int col = 0; col < stride; col++) {
                    int set = quadrantsReaching(r, col, stride, kernel);
                    NDArray b = spreadBySet.computeIfAbsent(set, q -> spread(grid, q).reshape(n, cells, cells));
                    positions.add(product(b, cellMatrix.get(":, :, " + (r * stride + col) + ", :"), keys));
                }
            }
            out = NDArrays.stack(positions, 2);
        }
        return out.reshape(n, rows, cols, stride, stride, c)
                .transpose(0, 5, 1, 3, 2, 4)
                .reshape(n, c, (long) rows * stride, (long) cols * stride)
                .get(":, :, " + beforeH + ":" + (beforeH + h) + ", " + beforeW + ":" + (beforeW + w));
    }

    /**
     * Multiply-accumulates of the product executed here: (rows + 1)(cols + 1) cells squared,
     * s * s * C values each.
     */
    public static long multiplyAccumulates(int gridH, int gridW, int stride, long channels) {
        long cells = (long) (gridH + 1) * (gridW + 1);
        return cells * cells * stride * stride * channels;
    }

    /** Multiply-accumulates of the release's transposed convolution: every query, key and k x k x C tap. */
    public static long releasedMultiplyAccumulates(int gridH, int gridW, int kernel, long channels) {
        long keys = (long) gridH * gridW;
        return keys * keys * kernel * kernel * channels;
    }

    /** Bit set of the four quadrants, bit a * 2 + b for quadrant (a, b). */
    private static final int ALL_QUADRANTS = 0b1111;

    /** The quadrants (a, b) of a 2s x 2s patch whose position (r, col) lies inside the k x k kernel. */
    private static int quadrantsReaching(int r, int col, int stride, int kernel) {
        int set = 0;
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                if (a * stride + r < kernel && b * stride + col < kernel) {
                    set |= 1 << (a * 2 + b);
                }
            }
        }
        return set;
    }

    /**
     * Sums copies of an array over a grid shifted by each quadrant (a, b) on the (rows + 1) x
     * (cols + 1) cell grid. With (N, gh, gw, gh, gw) attention, both query and key are shifted:
     * {@code B[p, j] = sum A[p - (a,b), j - (a,b)]}; with an (N, gh, gw) map, only the cell is.
     */
    private static NDArray spread(NDArray grid, int quadrants) {
        boolean pairs = grid.getShape().dimension() == 5;
        NDArray sum = null;
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                if ((quadrants & (1 << (a * 2 + b))) == 0) {
                    continue;
                }
                Shape pad = pairs
                        ? new Shape(b, 1 - b, a, 1 - a, b, 1 - b, a, 1 - a)
                        : new Shape(b, 1 - b, a, 1 - a);
                NDArray shifted = grid.pad(pad, 0);
                sum = sum == null ? shifted : sum.add(shifted);
            }
        }
        return sum;
    }

    private static NDArray product(NDArray spreadAttention, NDArray cellValues, KeySelection keys) {
        if (keys == null) {
            return spreadAttention.batchMatMul(cellValues);
        }
        return keys.selectColumns(spreadAttention).batchMatMul(keys.selectRows(cellValues));
    }
}
