package org.hifill.model.attention;

import ai.djl.ndarray.NDArray;

/**
 * The cells whose column of a transfer product can be non-zero. Keys touching the hole have
 * exactly zero weight in A (reference section 5, step 5), so the transfers may drop them from the
 * product without changing it; with a large hole this removes a large share of the work.
 */
public final class KeySelection {

    private final NDArray indices;

    private KeySelection(NDArray indices) {
        this.indices = indices;
    }

    /**
     * The columns non-zero in at least one sample of the batch, or {@code null} when every one
     * may be, so that callers keep the plain product.
     *
     * @param valid (N, 1, L), zero for columns known to be zero
     */
    public static KeySelection of(NDArray valid) {
        NDArray any = valid.reshape(valid.getShape().get(0), -1).max(new int[] {0});
        long total = any.size();
        NDArray indices = any.gt(0.5f).nonzero().flatten();
        if (indices.size() == total) {
            return null;
        }
        return new KeySelection(indices);
    }

    NDArray selectRows(NDArray patches) {
        return patches.get(":, {}", indices);
    }

    NDArray selectColumns(NDArray attention) {
        return attention.get(":, :, {}", indices);
    }
}
