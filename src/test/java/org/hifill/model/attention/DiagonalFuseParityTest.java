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
 * {@link DiagonalFuse#fuse} against the release's fuse built from TensorFlow ops
 * ({@link TfOps#fuse}: identity-kernel conv2d, transpose, conv2d, transpose back; reference
 * section 5, step 4). TF holds the scores as y [1, h, w, L] (query on the spatial axes, key on the
 * channel axis), which in row-major order is the same data as the engine's (1, L, L).
 */
class DiagonalFuseParityTest {

    @ParameterizedTest(name = "grid {0}x{1}")
    @CsvSource({"8, 8", "6, 10", "10, 6", "1, 5"})
    void matchesTfFuse(int gridH, int gridW) {
        int cells = gridH * gridW;
        TfTensor y = Layouts.normal(new Random(gridH * 100L + gridW), 1f, 1, gridH, gridW, cells);
        TfTensor expected = TfOps.fuse(y);
        try (NDManager m = NDManager.newBaseManager()) {
            TfTensor scores = y.reshape(1, cells, cells);
            TfTensor actual = Layouts.same(DiagonalFuse.fuse(Layouts.same(m, scores), gridH, gridW))
                    .reshape(1, gridH, gridW, cells);
            float diff = actual.maxAbsDiff(expected);
            System.out.printf("DiagonalFuseParityTest %dx%d: max |DJL - TF| = %.3g%n", gridH, gridW, diff);
            assertThat(diff).isLessThanOrEqualTo(1e-5f);
            // not trivially equal: the fuse changes the scores
            assertThat(actual.maxAbsDiff(y)).isGreaterThan(0.1f);
        }
    }
}
