package org.hifill.model.attention;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import java.util.Random;
import org.hifill.tf.Layouts;
import org.hifill.tf.TfOps;
import org.hifill.tf.TfTensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link ValidKeys#fromHoleMask} against the release's computation from TensorFlow ops
 * (reference section 5, step 5): {@code 1 - max_pool(max_pool(mask, 16, 16), 3, 1)}, both pools
 * "SAME", on random blob masks.
 */
class ValidKeysParityTest {

    @ParameterizedTest(name = "{0}x{1} seed {2}")
    @CsvSource({"128, 128, 1", "128, 128, 2", "96, 160, 3", "160, 96, 4", "512, 512, 5"})
    void matchesTfMaxPools(int h, int w, long seed) {
        TfTensor mask = Layouts.blobMask(new Random(seed), h, w);
        TfTensor pooled = TfOps.maxPool(TfOps.maxPool(mask, 16, 16), 3, 1);
        float[] valid = new float[pooled.size()];
        for (int i = 0; i < valid.length; i++) {
            valid[i] = 1f - pooled.data()[i];
        }
        TfTensor expected = TfTensor.of(new long[] {1, 1, valid.length}, valid);
        try (NDManager m = NDManager.newBaseManager()) {
            TfTensor actual = Layouts.same(ValidKeys.fromHoleMask(Layouts.nchw(m, mask)));
            assertThat(actual.shape()).containsExactly(1, 1, (h / 16) * (w / 16));
            float diff = actual.maxAbsDiff(expected);
            System.out.printf("ValidKeysParityTest %dx%d seed %d: max |DJL - TF| = %.3g (%d of %d keys valid)%n",
                    h, w, seed, diff, (int) sum(valid), valid.length);
            assertThat(diff).isZero();
            // the mask must exercise both outcomes
            assertThat(sum(valid)).isGreaterThan(0f).isLessThan(valid.length);
        }
    }

    private static float sum(float[] v) {
        float s = 0;
        for (float x : v) {
            s += x;
        }
        return s;
    }
}
