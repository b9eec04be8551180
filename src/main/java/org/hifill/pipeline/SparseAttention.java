package org.hifill.pipeline;

import java.util.Arrays;

/**
 * One row of the attention matrix with its small weights left out. Rows of A are sharp (softmax
 * of scale 10), so a handful of keys carry nearly all the weight. The largest weights are kept
 * until the weight left out is at most {@code tolerance}; the aggregated residual then differs
 * from the dense sum (Eq. 4) by at most {@code droppedMass() * max |R_i|} per sample, that is at
 * most {@code tolerance * 255} on the 0..255 scale.
 *
 * @param keys the kept key cells, largest weight first
 * @param weights their weights
 * @param droppedMass the sum of the weights left out
 */
public record SparseAttention(int[] keys, float[] weights, double droppedMass) {

    /** Keeps the largest weights of {@code row} until at most {@code tolerance} is left out. */
    public static SparseAttention of(float[] attention, int row, int length, double tolerance) {
        int offset = row * length;
        Integer[] order = new Integer[length];
        int n = 0;
        double total = 0;
        for (int i = 0; i < length; i++) {
            float a = attention[offset + i];
            if (a > 0f) {
                order[n++] = i;
                total += a;
            }
        }
        Integer[] positive = Arrays.copyOf(order, n);
        // Ties broken by key index so that the result is deterministic.
        Arrays.sort(positive, (p, q) -> {
            int byWeight = Float.compare(attention[offset + q], attention[offset + p]);
            return byWeight != 0 ? byWeight : Integer.compare(p, q);
        });
        int kept = 0;
        double keptMass = 0;
        while (kept < n && total - keptMass > tolerance) {
            keptMass += attention[offset + positive[kept]];
            kept++;
        }
        int[] keys = new int[kept];
        float[] weights = new float[kept];
        for (int k = 0; k < kept; k++) {
            keys[k] = positive[k];
            weights[k] = attention[offset + positive[k]];
        }
        return new SparseAttention(keys, weights, Math.max(0, total - keptMass));
    }
}
