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
 * {@link ContextualAttention#attention} against the release's attention scores computed with
 * TensorFlow ops as in reference section 5, steps 2-5: P = every second pixel of F; keys =
 * {@code extract_image_patches(P, 3, 1, SAME)} as [3, 3, C, L] filters, each divided by
 * max(its norm, 1e-8); scores = {@code conv2d(P, keys, SAME)}; {@link TfOps#fuse}; then
 * {@code softmax(y * valid * 10) * valid} (the softmax in plain Java, in double precision).
 *
 * <p>F is 128 channels at 16x16 (8x8 grid) and 12x20 (6x10 grid). At scale 1 the softmax is
 * nearly one-hot, at the small scales it spreads over many keys; one case has an all-zero region
 * of F, so that some keys have norm 0 and meet the 1e-8 floor.
 */
class ContextualAttentionParityTest {

    @ParameterizedTest(name = "F {0}x{1}, scale {2}, zero block {3}")
    @CsvSource({
        "16, 16, 1.0, false",
        "16, 16, 0.05, false",
        "12, 20, 1.0, false",
        "12, 20, 0.03, true",
        "20, 12, 0.1, true",
    })
    void matchesTfAttention(int h, int w, float scale, boolean zeroBlock) {
        int c = 128;
        int gridH = h / 2;
        int gridW = w / 2;
        int cells = gridH * gridW;
        Random rnd = new Random(h * 31L + w + (long) (scale * 1000) + (zeroBlock ? 7 : 0));
        TfTensor f = Layouts.normal(rnd, scale, 1, h, w, c);
        if (zeroBlock) {
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    for (int ch = 0; ch < c; ch++) {
                        f.data()[f.offset(0, y, x, ch)] = 0f;
                    }
                }
            }
        }
        float[] valid = new float[cells];
        for (int i = 0; i < cells; i++) {
            valid[i] = rnd.nextDouble() < 0.3 ? 0f : 1f;
        }
        TfTensor expected = tfAttention(f, valid);
        try (NDManager m = NDManager.newBaseManager()) {
            TfTensor actual = Layouts.same(ContextualAttention.attention(Layouts.nchw(m, f),
                    m.create(valid).reshape(1, 1, cells)));
            assertThat(actual.shape()).containsExactly(1, cells, cells);
            float diff = actual.maxAbsDiff(expected);
            System.out.printf("ContextualAttentionParityTest F %dx%dx%d scale %s%s: max |DJL - TF| = %.3g,"
                    + " mean row max %.3f%n", h, w, c, scale, zeroBlock ? " zero block" : "", diff,
                    meanRowMax(expected, cells));
            assertThat(diff).isLessThanOrEqualTo(1e-5f);
        }
    }

    /** A batch of two feature maps with different valid keys: each sample against its own TF attention. */
    @ParameterizedTest(name = "batch of 2, F {0}x{1}")
    @CsvSource({"12, 20"})
    void batchOfTwoMatchesTfPerSample(int h, int w) {
        int c = 128;
        int cells = (h / 2) * (w / 2);
        Random rnd = new Random(4242);
        float[] features = new float[2 * h * w * c];
        float[] valid = new float[2 * cells];
        TfTensor[] expected = new TfTensor[2];
        for (int n = 0; n < 2; n++) {
            TfTensor f = Layouts.normal(rnd, 0.05f, 1, h, w, c);
            float[] v = new float[cells];
            for (int i = 0; i < cells; i++) {
                v[i] = rnd.nextDouble() < 0.3 ? 0f : 1f;
            }
            System.arraycopy(f.data(), 0, features, n * h * w * c, h * w * c);
            System.arraycopy(v, 0, valid, n * cells, cells);
            expected[n] = tfAttention(f, v);
        }
        try (NDManager m = NDManager.newBaseManager()) {
            var a = ContextualAttention.attention(
                    Layouts.nchw(m, TfTensor.of(new long[] {2, h, w, c}, features)),
                    m.create(valid).reshape(2, 1, cells));
            assertThat(a.getShape().getShape()).containsExactly(2, cells, cells);
            float worst = 0;
            for (int n = 0; n < 2; n++) {
                worst = Math.max(worst, Layouts.same(a.get(n + ":" + (n + 1))).maxAbsDiff(expected[n]));
            }
            System.out.printf("ContextualAttentionParityTest batch of 2, F %dx%dx%d: max |DJL - TF| = %.3g%n",
                    h, w, c, worst);
            assertThat(worst).isLessThanOrEqualTo(1e-5f);
        }
    }

    /** A = softmax(fuse(conv2d(P, normalised patches of P)) * valid * 10) * valid, [1, L, L]. */
    static TfTensor tfAttention(TfTensor f, float[] valid) {
        int h = (int) f.dim(1);
        int w = (int) f.dim(2);
        int c = (int) f.dim(3);
        int gridH = h / 2;
        int gridW = w / 2;
        int cells = gridH * gridW;
        float[] pd = new float[cells * c];
        for (int y = 0; y < gridH; y++) {
            for (int x = 0; x < gridW; x++) {
                for (int ch = 0; ch < c; ch++) {
                    pd[(y * gridW + x) * c + ch] = f.get(0, 2 * y, 2 * x, ch);
                }
            }
        }
        TfTensor p = TfTensor.of(new long[] {1, gridH, gridW, c}, pd);
        TfTensor patches = TfOps.extractImagePatches(p, 3, 1);
        int patchSize = 9 * c;
        float[] filters = new float[patchSize * cells];
        for (int i = 0; i < cells; i++) {
            double norm = 0;
            for (int j = 0; j < patchSize; j++) {
                double v = patches.data()[i * patchSize + j];
                norm += v * v;
            }
            float divisor = (float) Math.max(Math.sqrt(norm), 1e-8);
            // patch axis (row, col, channel) becomes the filter's [3, 3, C], key i its output channel
            for (int j = 0; j < patchSize; j++) {
                filters[j * cells + i] = patches.data()[i * patchSize + j] / divisor;
            }
        }
        TfTensor scores = TfOps.conv2d(p, TfTensor.of(new long[] {3, 3, c, cells}, filters), 1, 1);
        TfTensor fused = TfOps.fuse(scores);
        float[] a = new float[cells * cells];
        double[] logits = new double[cells];
        for (int q = 0; q < cells; q++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < cells; i++) {
                logits[i] = fused.data()[q * cells + i] * valid[i] * 10.0;
                max = Math.max(max, logits[i]);
            }
            double sum = 0;
            for (int i = 0; i < cells; i++) {
                logits[i] = Math.exp(logits[i] - max);
                sum += logits[i];
            }
            for (int i = 0; i < cells; i++) {
                a[q * cells + i] = (float) (logits[i] / sum * valid[i]);
            }
        }
        return TfTensor.of(new long[] {1, cells, cells}, a);
    }

    private static double meanRowMax(TfTensor a, int cells) {
        double s = 0;
        for (int q = 0; q < cells; q++) {
            float max = 0;
            for (int i = 0; i < cells; i++) {
                max = Math.max(max, a.data()[q * cells + i]);
            }
            s += max;
        }
        return s / cells;
    }
}
