package org.hifill.model.attention;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Random;
import org.hifill.tf.Layouts;
import org.hifill.tf.TfOps;
import org.hifill.tf.TfTensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link AttentionTransfer#transfer} against the release's transfer built from TensorFlow ops
 * (reference section 5, steps 6-7): {@code extract_image_patches(F, k, s, SAME)} reshaped to
 * [k, k, C, L] filters, then {@code conv2d_transpose(A as [1, gh, gw, L], filters, [1, H, W, C],
 * s, SAME)}, at the three levels of the refine network (k 3 / s 2 / 128 channels, k 8 / s 4 / 64,
 * k 16 / s 8 / 32). A has softmax-like rows and zero columns for the keys in the hole; the
 * transfer told which keys are valid (so that it leaves zero columns out of its product) must give the same result.
 */
class AttentionTransferParityTest {

    @ParameterizedTest(name = "k{0} s{1} C{2} grid {3}x{4}")
    @CsvSource({
        "3, 2, 128, 8, 8",
        "3, 2, 128, 6, 10",
        "8, 4, 64, 8, 8",
        "8, 4, 64, 6, 10",
        "16, 8, 32, 8, 8",
        "16, 8, 32, 6, 10",
    })
    void matchesTfConv2dTranspose(int k, int s, int c, int gridH, int gridW) {
        int h = s * gridH;
        int w = s * gridW;
        int cells = gridH * gridW;
        Random rnd = new Random(k * 1000L + gridH * 10L + gridW);
        TfTensor f = Layouts.normal(rnd, 1f, 1, h, w, c);
        float[] valid = new float[cells];
        for (int i = 0; i < cells; i++) {
            valid[i] = rnd.nextDouble() < 0.35 ? 0f : 1f;
        }
        TfTensor a = softmaxLikeRows(rnd, cells, valid);
        TfTensor expected = tfTransfer(a, f, gridH, gridW, k, s);

        try (NDManager m = NDManager.newBaseManager()) {
            NDArray attention = Layouts.same(m, a);
            NDArray features = Layouts.nchw(m, f);
            TfTensor plain = Layouts.nhwc(AttentionTransfer.transfer(attention, features, gridH, gridW, k, null));
            NDArray keys = m.create(valid).reshape(1, 1, cells);
            TfTensor selected = Layouts.nhwc(AttentionTransfer.transfer(attention, features, gridH, gridW, k, keys));

            assertThat(plain.shape()).containsExactly(1, h, w, c);
            float diff = plain.maxAbsDiff(expected);
            float selectedDiff = selected.maxAbsDiff(expected);
            float between = selected.maxAbsDiff(plain);
            System.out.printf("AttentionTransferParityTest k%d s%d C%d grid %dx%d: max |DJL - TF| = %.3g,"
                    + " with key selection %.3g (vs plain %.3g), %d of %d keys%n",
                    k, s, c, gridH, gridW, diff, selectedDiff, between, keys.size(), cells);
            assertThat(diff).isLessThanOrEqualTo(1e-5f);
            assertThat(selectedDiff).isLessThanOrEqualTo(1e-5f);
            assertThat(between).isLessThanOrEqualTo(1e-5f);
        }
    }

    /**
     * A batch of two with different holes: each sample against its own TF transfer, with and
     * without the key selection (which keeps the keys valid in either sample).
     */
    @ParameterizedTest(name = "batch of 2, k{0} s{1} C{2} grid {3}x{4}")
    @CsvSource({"3, 2, 16, 6, 10", "8, 4, 8, 6, 10"})
    void batchOfTwoMatchesTfPerSample(int k, int s, int c, int gridH, int gridW) {
        int h = s * gridH;
        int w = s * gridW;
        int cells = gridH * gridW;
        Random rnd = new Random(77L * k + gridW);
        TfTensor[] f = new TfTensor[2];
        TfTensor[] a = new TfTensor[2];
        float[] valid = new float[2 * cells];
        float[] features = new float[2 * h * w * c];
        float[] attention = new float[2 * cells * cells];
        for (int n = 0; n < 2; n++) {
            float[] v = new float[cells];
            for (int i = 0; i < cells; i++) {
                // sample 0 loses the first rows of keys, sample 1 the last ones, both lose key 0
                boolean hole = i == 0 || (n == 0 ? i < cells / 3 : i >= 2 * cells / 3);
                v[i] = hole ? 0f : 1f;
            }
            System.arraycopy(v, 0, valid, n * cells, cells);
            f[n] = Layouts.normal(rnd, 1f, 1, h, w, c);
            a[n] = softmaxLikeRows(rnd, cells, v);
            System.arraycopy(f[n].data(), 0, features, n * h * w * c, h * w * c);
            System.arraycopy(a[n].data(), 0, attention, n * cells * cells, cells * cells);
        }
        float worst = 0;
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray attentionNd = m.create(attention).reshape(2, cells, cells);
            NDArray featuresNd = Layouts.nchw(m, TfTensor.of(new long[] {2, h, w, c}, features));
            NDArray keys = m.create(valid).reshape(2, 1, cells);
            for (NDArray selection : new NDArray[] {null, keys}) {
                NDArray out = AttentionTransfer.transfer(attentionNd, featuresNd, gridH, gridW, k, selection);
                for (int n = 0; n < 2; n++) {
                    TfTensor actual = Layouts.nhwc(out.get(n + ":" + (n + 1)));
                    float diff = actual.maxAbsDiff(tfTransfer(a[n], f[n], gridH, gridW, k, s));
                    worst = Math.max(worst, diff);
                }
            }
        }
        System.out.printf("AttentionTransferParityTest batch of 2, k%d s%d grid %dx%d: max |DJL - TF| = %.3g%n",
                k, s, gridH, gridW, worst);
        assertThat(worst).isLessThanOrEqualTo(1e-5f);
    }

    /** [1, L, L]: positive rows summing to at most 1, exactly zero in the columns of invalid keys. */
    private static TfTensor softmaxLikeRows(Random rnd, int cells, float[] valid) {
        float[] a = new float[cells * cells];
        for (int q = 0; q < cells; q++) {
            double[] e = new double[cells];
            double sum = 0;
            for (int i = 0; i < cells; i++) {
                e[i] = Math.exp(2 * rnd.nextGaussian());
                sum += e[i];
            }
            for (int i = 0; i < cells; i++) {
                a[q * cells + i] = (float) (e[i] / sum) * valid[i];
            }
        }
        return TfTensor.of(new long[] {1, cells, cells}, a);
    }

    /** conv2d_transpose(A, patches of F as filters), NHWC [1, H, W, C]. */
    static TfTensor tfTransfer(TfTensor a, TfTensor f, int gridH, int gridW, int k, int s) {
        int c = (int) f.dim(3);
        int cells = gridH * gridW;
        TfTensor patches = TfOps.extractImagePatches(f, k, s);
        assertThat(patches.shape()).containsExactly(1, gridH, gridW, (long) k * k * c);
        // [L, k*k*C] with the patch axis ordered (row, col, channel) -> [k, k, C, L]
        int patchSize = k * k * c;
        float[] filters = new float[patchSize * cells];
        for (int i = 0; i < cells; i++) {
            for (int j = 0; j < patchSize; j++) {
                filters[j * cells + i] = patches.data()[i * patchSize + j];
            }
        }
        return TfOps.conv2dTranspose(a.reshape(1, gridH, gridW, cells),
                TfTensor.of(new long[] {k, k, c, cells}, filters), f.shape(), s);
    }

    private static float sum(float[] v) {
        float s = 0;
        for (float x : v) {
            s += x;
        }
        return s;
    }
}
