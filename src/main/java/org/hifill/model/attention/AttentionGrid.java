package org.hifill.model.attention;

import ai.djl.ndarray.NDArray;

/**
 * What the attention computing module hands to every transfer: the attention matrix, the grid
 * it lives on, and the keys that can carry weight.
 *
 * @param attention A, (N, L, L)
 * @param rows grid rows (input height / 16)
 * @param cols grid columns (input width / 16)
 * @param validKeys (N, 1, L), 0 where A's column is zero, or {@code null} if unknown
 */
public record AttentionGrid(NDArray attention, int rows, int cols, NDArray validKeys) {

    /** Transfers the grid's attention onto a feature map with k x k patches. */
    public NDArray transfer(NDArray features, int kernel) {
        return AttentionTransfer.transfer(attention, features, rows, cols, kernel, validKeys);
    }
}
