package org.hifill.model.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * The fuse step of contextual attention (reference section 5, step 4): it propagates agreement
 * between neighbouring query/key pairs. Viewing the scores as an image with one row per query and
 * one column per key, it convolves with a 3x3 identity kernel,
 * {@code y'[q,i] = y[q-1,i-1] + y[q,i] + y[q+1,i+1]} (zero padding), first with cells in raster
 * order, then once more with both indices in column-major order.
 */
public final class DiagonalFuse {

    private DiagonalFuse() {}

    /**
     * Fuses scores of shape (N, L, L) on a grid of {@code gridH x gridW = L} cells.
     */
    public static NDArray fuse(NDArray scores, int gridH, int gridW) {
        long n = scores.getShape().get(0);
        long cells = (long) gridH * gridW;
        NDArray rowMajor = diagonalSum(scores);
        NDArray columnMajor = swapGridAxes(rowMajor, n, gridH, gridW, cells);
        NDArray fused = diagonalSum(columnMajor);
        return swapGridAxes(fused, n, gridW, gridH, cells);
    }

    /** One pass of the 3x3 identity convolution over the last two axes. */
    static NDArray diagonalSum(NDArray y) {
        NDArray p = y.pad(new Shape(1, 1, 1, 1), 0);
        return p.get(":, :-2, :-2").add(p.get(":, 1:-1, 1:-1")).add(p.get(":, 2:, 2:"));
    }

    /** Re-indexes queries and keys from (row, column) to (column, row) order. */
    private static NDArray swapGridAxes(NDArray y, long n, int rows, int cols, long cells) {
        return y.reshape(n, rows, cols, rows, cols).transpose(0, 2, 1, 4, 3).reshape(n, cells, cells);
    }
}
