package org.hifill.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * One attention row made sparse: the largest weights are kept, as few as needed for the weight
 * left out to be at most the tolerance; equal weights go by key index.
 */
class SparseAttentionTest {

    @Test
    void keepsTheLargestWeightsUntilTheRestIsWithinTolerance() {
        float[] a = {0.5f, 0.1f, 0.3f, 0.1f};
        SparseAttention row = SparseAttention.of(a, 0, 4, 0.15);
        assertThat(row.keys()).containsExactly(0, 2, 1);
        assertThat(row.weights()).containsExactly(0.5f, 0.3f, 0.1f);
        assertThat(row.droppedMass()).isCloseTo(0.1, within(1e-6));
    }

    @Test
    void zeroToleranceKeepsEveryPositiveWeightAndNoZeroOne() {
        float[] a = {0f, 0.25f, 0f, 0.5f, 0.25f, 0f};
        SparseAttention row = SparseAttention.of(a, 0, 6, 0);
        assertThat(row.keys()).containsExactly(3, 1, 4);
        assertThat(row.droppedMass()).isZero();
    }

    @Test
    void emptyRowKeepsNothing() {
        SparseAttention row = SparseAttention.of(new float[8], 1, 4, 0);
        assertThat(row.keys()).isEmpty();
        assertThat(row.weights()).isEmpty();
        assertThat(row.droppedMass()).isZero();
    }

    @Test
    void equalWeightsAreTakenInKeyOrder() {
        float[] a = {0.25f, 0.25f, 0.25f, 0.25f};
        assertThat(SparseAttention.of(a, 0, 4, 0.3).keys()).containsExactly(0, 1, 2);
        assertThat(SparseAttention.of(a, 0, 4, 0.5).keys()).containsExactly(0, 1);
        assertThat(SparseAttention.of(a, 0, 4, 0.5).droppedMass()).isCloseTo(0.5, within(1e-6));
    }

    @Test
    void readsTheRowItIsAskedFor() {
        float[] a = {
            1f, 0f, 0f,
            0f, 0.2f, 0.8f,
            0f, 0f, 0f,
        };
        assertThat(SparseAttention.of(a, 1, 3, 0).keys()).containsExactly(2, 1);
        assertThat(SparseAttention.of(a, 0, 3, 0).keys()).containsExactly(0);
    }

    @Test
    void randomRowsKeepAMinimalSetOfLargestWeightsDeterministically() {
        SplittableRandom random = new SplittableRandom(41);
        int length = 300;
        for (int trial = 0; trial < 200; trial++) {
            float[] a = new float[length];
            double sum = 0;
            for (int i = 0; i < length; i++) {
                // Coarse values make ties common; some weights are zero.
                a[i] = random.nextInt(4) == 0 ? 0f : (float) Math.exp(random.nextInt(0, 12) / 3.0);
                sum += a[i];
            }
            for (int i = 0; i < length; i++) {
                a[i] = (float) (a[i] / sum);
            }
            double tolerance = random.nextDouble(0, 0.3);
            SparseAttention row = SparseAttention.of(a, 0, length, tolerance);
            SparseAttention again = SparseAttention.of(a.clone(), 0, length, tolerance);
            assertThat(again.keys()).isEqualTo(row.keys());
            assertThat(again.weights()).isEqualTo(row.weights());

            boolean[] kept = new boolean[length];
            double keptMass = 0;
            float smallestKept = Float.MAX_VALUE;
            for (int k = 0; k < row.keys().length; k++) {
                int key = row.keys()[k];
                assertThat(kept[key]).as("key kept twice").isFalse();
                kept[key] = true;
                assertThat(row.weights()[k]).isEqualTo(a[key]).isPositive();
                if (k > 0) {
                    // Largest first; equal weights by key index.
                    float previous = row.weights()[k - 1];
                    assertThat(previous).isGreaterThanOrEqualTo(row.weights()[k]);
                    if (previous == row.weights()[k]) {
                        assertThat(row.keys()[k - 1]).isLessThan(key);
                    }
                }
                keptMass += a[key];
                smallestKept = Math.min(smallestKept, a[key]);
            }
            double dropped = 0;
            for (int i = 0; i < length; i++) {
                if (!kept[i]) {
                    dropped += a[i];
                    // Nothing left out outweighs anything kept; among equals the lower keys are kept.
                    assertThat(a[i]).isLessThanOrEqualTo(smallestKept);
                    if (a[i] == smallestKept && a[i] > 0) {
                        int last = row.keys()[row.keys().length - 1];
                        assertThat(i).isGreaterThan(last);
                    }
                }
            }
            assertThat(row.droppedMass()).isCloseTo(dropped, within(1e-6)).isLessThanOrEqualTo(tolerance);
            if (row.keys().length > 0) {
                // Minimal: without its smallest kept weight the row would leave out too much.
                assertThat(dropped + smallestKept).isGreaterThan(tolerance - 1e-6);
            }
        }
    }
}
