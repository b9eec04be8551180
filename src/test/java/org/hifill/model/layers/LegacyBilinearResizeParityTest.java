package org.hifill.model.layers;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import java.util.Random;
import org.hifill.tf.Layouts;
import org.hifill.tf.TfOps;
import org.hifill.tf.TfTensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link LegacyBilinearResize} against TensorFlow's {@code ResizeBilinear} with the TF1 defaults
 * (align_corners=False, no half-pixel centres; reference section 6), on a batch of two.
 */
class LegacyBilinearResizeParityTest {

    @ParameterizedTest(name = "half {0}x{1}")
    @CsvSource({"32, 48", "48, 32", "16, 16", "512, 512"})
    void halfMatchesTfResizeBilinear(int h, int w) {
        TfTensor x = Layouts.normal(new Random(h * 1000L + w), 1f, 2, h, w, 3);
        TfTensor expected = TfOps.resizeBilinear(x, h / 2, w / 2);
        try (NDManager m = NDManager.newBaseManager()) {
            TfTensor actual = Layouts.nhwc(LegacyBilinearResize.half(Layouts.nchw(m, x)));
            assertThat(actual.shape()).containsExactly(expected.shape());
            float diff = actual.maxAbsDiff(expected);
            System.out.printf("LegacyBilinearResizeParityTest half %dx%d: max |DJL - TF| = %.3g%n", h, w, diff);
            assertThat(diff).isLessThanOrEqualTo(1e-5f);
        }
    }

    @ParameterizedTest(name = "twice {0}x{1}")
    @CsvSource({"16, 24", "24, 16", "7, 5", "1, 3", "32, 32"})
    void twiceMatchesTfResizeBilinear(int h, int w) {
        TfTensor x = Layouts.normal(new Random(h * 1000L + w + 1), 1f, 2, h, w, 3);
        TfTensor expected = TfOps.resizeBilinear(x, 2 * h, 2 * w);
        try (NDManager m = NDManager.newBaseManager()) {
            TfTensor actual = Layouts.nhwc(LegacyBilinearResize.twice(Layouts.nchw(m, x)));
            assertThat(actual.shape()).containsExactly(expected.shape());
            float diff = actual.maxAbsDiff(expected);
            System.out.printf("LegacyBilinearResizeParityTest twice %dx%d: max |DJL - TF| = %.3g%n", h, w, diff);
            assertThat(diff).isLessThanOrEqualTo(1e-5f);
        }
    }
}
