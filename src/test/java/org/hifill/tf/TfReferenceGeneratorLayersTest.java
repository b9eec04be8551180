package org.hifill.tf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the wiring of the reference graph layer by layer at 128x128, against the single-op
 * oracles and, for the attention (HIFILL.md section 5), against plain loops.
 */
class TfReferenceGeneratorLayersTest {

    private static final int H = 128;
    private static final int W = 128;

    private static Map<String, TfTensor> weights;
    private static Map<String, TfTensor> layers;
    private static TfTensor mask;
    private static TfTensor image;

    @BeforeAll
    static void runOnce() throws IOException {
        weights = TfReferenceGeneratorTest.randomWeightsOrSkip(7);
        image = TfReferenceGeneratorTest.image(H, W, 3);
        mask = TfReferenceGeneratorTest.mask(H, W, new int[] {40, 50, 80, 100});
        try (TfReferenceGenerator g = new TfReferenceGenerator(H, W, weights)) {
            assertThat(g.layerNames()).contains("c_en_down_128", "c_de_up_128", "re_dil_d16", "attention",
                    "ca_transfer", "re_de_att_128_transfer", "re_de_att_256_2", "x1", "x2");
            layers = g.runLayers(image, mask, g.layerNames());
            TfReferenceGenerator.Result r = g.run(image, mask);
            assertThat(layers.get("x1").maxAbsDiff(r.coarse())).isZero();
            assertThat(layers.get("x2").maxAbsDiff(r.refine())).isZero();
            assertThat(layers.get("attention").reshape(r.attention().shape()).maxAbsDiff(r.attention())).isZero();
        }
    }

    private static TfTensor w(String name) {
        return weights.get(TfReferenceGenerator.PREFIX + name);
    }

    private static TfTensor addBias(TfTensor x, TfTensor b) {
        float[] d = x.data().clone();
        int c = b.size();
        for (int i = 0; i < d.length; i++) {
            d[i] += b.data()[i % c];
        }
        return TfTensor.of(x.shape(), d);
    }

    /** sigmoid(gate) * elu(feat); the gate has 1 channel (broadcast) or as many as feat. */
    private static TfTensor gated(TfTensor feat, TfTensor gate) {
        float[] d = new float[feat.size()];
        int c = (int) feat.dim(3);
        int gc = (int) gate.dim(3);
        for (int i = 0; i < d.length; i++) {
            float f = feat.data()[i];
            float g = gate.data()[gc == 1 ? i / c : i];
            double elu = f > 0 ? f : Math.expm1(f);
            d[i] = (float) (elu / (1 + Math.exp(-g)));
        }
        return TfTensor.of(feat.shape(), d);
    }

    private static TfTensor slice(TfTensor x, String name, int stride, int dilation) {
        return gated(addBias(TfOps.conv2d(x, w(name + "_feat/w"), stride, dilation), w(name + "_feat/biases")),
                addBias(TfOps.conv2d(x, w(name + "_gate/w"), stride, dilation), w(name + "_gate/biases")));
    }

    private static TfTensor pw(TfTensor x, String name, int stride, int dilation) {
        return gated(addBias(TfOps.conv2d(x, w(name + "/w"), stride, dilation), w(name + "/biases")),
                addBias(TfOps.conv2d(x, w(name + "/pw"), stride, 1), w(name + "/ds_biases")));
    }

    private static TfTensor up2(TfTensor x) {
        return TfOps.resizeBilinear(x, (int) x.dim(1) * 2, (int) x.dim(2) * 2);
    }

    @Test
    void gatedLayersAreWiredAsReleased() {
        assertThat(layers.get("coarse_input").shape()).containsExactly(1, H / 2, W / 2, 4);
        assertThat(slice(layers.get("coarse_input"), "c_en_down_128", 2, 1)
                .maxAbsDiff(layers.get("c_en_down_128"))).isLessThan(1e-5f);
        assertThat(slice(layers.get("c_dil_d12"), "c_dil_d13", 1, 8)
                .maxAbsDiff(layers.get("c_dil_d13"))).isLessThan(1e-5f);
        assertThat(slice(up2(layers.get("c_de_conv3_64")), "c_de_up_128/c_de_up_128_conv", 1, 1)
                .maxAbsDiff(layers.get("c_de_up_128"))).isLessThan(1e-5f);
        assertThat(pw(layers.get("refine_input"), "re_en_down_256", 2, 1)
                .maxAbsDiff(layers.get("re_en_down_256"))).isLessThan(1e-5f);
        assertThat(pw(layers.get("re_dil_d8"), "re_dil_d16", 1, 16)
                .maxAbsDiff(layers.get("re_dil_d16"))).isLessThan(1e-5f);
        assertThat(pw(layers.get("re_de_att_256_1"), "re_de_att_256_2", 1, 2)
                .maxAbsDiff(layers.get("re_de_att_256_2"))).isLessThan(1e-5f);
        // decoder concat order: [transfer, x]
        assertThat(pw(up2(concat(layers.get("re_de_att_256_2"), layers.get("re_de_conv_256"))),
                "re_de_toRGB__256/re_de_toRGB__256_conv", 1, 1)
                .maxAbsDiff(layers.get("x2_raw"))).isLessThan(1e-5f);
        // attention concat order: [pre-attention features, att1]
        assertThat(pw(concat(layers.get("re_dil_d16"), layers.get("re_att_64_att1")), "re_att_64_att3", 1, 1)
                .maxAbsDiff(layers.get("re_att_64_att3"))).isLessThan(1e-5f);

        assertThat(pw(layers.get("ca_transfer"), "re_att_64_att1", 1, 1)
                .maxAbsDiff(layers.get("re_att_64_att1"))).isLessThan(1e-5f);
        assertThat(pw(layers.get("re_de_att_128_transfer"), "re_de_att_128_1", 1, 1)
                .maxAbsDiff(layers.get("re_de_att_128_1"))).isLessThan(1e-5f);

        // x1 = legacy resize of the clipped coarse output
        TfTensor raw = layers.get("coarse_raw");
        float[] clipped = raw.data().clone();
        for (int i = 0; i < clipped.length; i++) {
            clipped[i] = Math.max(-1f, Math.min(1f, clipped[i]));
        }
        assertThat(TfOps.resizeBilinear(TfTensor.of(raw.shape(), clipped), H, W).maxAbsDiff(layers.get("x1")))
                .isZero();

        // coarse input = legacy half-size resize of [x*(1-m), m]; refine input = [x1*m + x*(1-m)*(1-m), m]
        float[] xin = new float[H * W * 4];
        float[] rin = new float[H * W * 4];
        TfTensor x1 = layers.get("x1");
        for (int p = 0; p < H * W; p++) {
            float m = mask.data()[p];
            for (int c = 0; c < 3; c++) {
                float masked = image.data()[p * 3 + c] * (1 - m);
                xin[p * 4 + c] = masked;
                rin[p * 4 + c] = x1.data()[p * 3 + c] * m + masked * (1 - m);
            }
            xin[p * 4 + 3] = m;
            rin[p * 4 + 3] = m;
        }
        assertThat(TfOps.resizeBilinear(TfTensor.of(new long[] {1, H, W, 4}, xin), H / 2, W / 2)
                .maxAbsDiff(layers.get("coarse_input"))).isZero();
        assertThat(TfTensor.of(new long[] {1, H, W, 4}, rin).maxAbsDiff(layers.get("refine_input")))
                .isLessThan(1e-6f);
    }

    private static TfTensor concat(TfTensor a, TfTensor b) {
        int n = (int) (a.dim(0) * a.dim(1) * a.dim(2));
        int ca = (int) a.dim(3);
        int cb = (int) b.dim(3);
        float[] d = new float[n * (ca + cb)];
        for (int p = 0; p < n; p++) {
            System.arraycopy(a.data(), p * ca, d, p * (ca + cb), ca);
            System.arraycopy(b.data(), p * cb, d, p * (ca + cb) + ca, cb);
        }
        return TfTensor.of(new long[] {a.dim(0), a.dim(1), a.dim(2), ca + cb}, d);
    }

    @Test
    void attentionMatchesPlainLoops() {
        TfTensor f = layers.get("re_dil_d16");           // [1, H/8, W/8, C]
        int fh = (int) f.dim(1);
        int fw = (int) f.dim(2);
        int c = (int) f.dim(3);
        int h = fh / 2;
        int w = fw / 2;
        int n = h * w;
        // P = every second pixel
        float[][] p = new float[n][c];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int k = 0; k < c; k++) {
                    p[y * w + x][k] = f.get(0, 2 * y, 2 * x, k);
                }
            }
        }
        // key norms over 3x3 zero-padded neighbourhoods
        double[] norm = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    int y = i / w + dy;
                    int x = i % w + dx;
                    if (y >= 0 && y < h && x >= 0 && x < w) {
                        for (float v : p[y * w + x]) {
                            s += (double) v * v;
                        }
                    }
                }
            }
            norm[i] = Math.max(Math.sqrt(s), 1e-8);
        }
        double[][] scores = new double[n][n];
        for (int q = 0; q < n; q++) {
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int qy = q / w + dy;
                        int qx = q % w + dx;
                        int iy = i / w + dy;
                        int ix = i % w + dx;
                        if (qy < 0 || qy >= h || qx < 0 || qx >= w || iy < 0 || iy >= h || ix < 0 || ix >= w) {
                            continue;
                        }
                        float[] a = p[qy * w + qx];
                        float[] b = p[iy * w + ix];
                        for (int k = 0; k < c; k++) {
                            s += (double) a[k] * b[k];
                        }
                    }
                }
                scores[q][i] = s / norm[i];
            }
        }
        TfTensor tfScores = layers.get("ca_scores");
        for (int q = 0; q < n; q++) {
            for (int i = 0; i < n; i++) {
                assertThat((double) tfScores.data()[q * n + i]).isCloseTo(scores[q][i],
                        org.assertj.core.api.Assertions.within(1e-4 * (1 + Math.abs(scores[q][i]))));
            }
        }
        // fuse: diagonal sums in raster order, then in column-major order
        double[][] f1 = new double[n][n];
        for (int q = 0; q < n; q++) {
            for (int i = 0; i < n; i++) {
                for (int d = -1; d <= 1; d++) {
                    if (q + d >= 0 && q + d < n && i + d >= 0 && i + d < n) {
                        f1[q][i] += scores[q + d][i + d];
                    }
                }
            }
        }
        int[] rasterOf = new int[n];
        for (int t = 0; t < n; t++) {
            rasterOf[t] = (t % h) * w + t / h;
        }
        double[][] fused = new double[n][n];
        for (int tq = 0; tq < n; tq++) {
            for (int ti = 0; ti < n; ti++) {
                double s = 0;
                for (int d = -1; d <= 1; d++) {
                    if (tq + d >= 0 && tq + d < n && ti + d >= 0 && ti + d < n) {
                        s += f1[rasterOf[tq + d]][rasterOf[ti + d]];
                    }
                }
                fused[rasterOf[tq]][rasterOf[ti]] = s;
            }
        }
        // A = softmax(y * valid * 10) * valid
        boolean[] invalid = TfReferenceGeneratorTest.invalidKeys(mask);
        double[][] att = new double[n][n];
        TfTensor tfA = layers.get("attention");
        for (int q = 0; q < n; q++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                max = Math.max(max, invalid[i] ? 0 : 10 * fused[q][i]);
            }
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += Math.exp((invalid[i] ? 0 : 10 * fused[q][i]) - max);
            }
            for (int i = 0; i < n; i++) {
                att[q][i] = invalid[i] ? 0 : Math.exp(10 * fused[q][i] - max) / sum;
                assertThat((double) tfA.data()[q * n + i]).isCloseTo(att[q][i],
                        org.assertj.core.api.Assertions.within(2e-4));
            }
        }

        // transfer at H/8: 3x3 patches at stride 2 (pad 0 before), overlap-add, crop at 0
        checkTransfer(f, tfA, 2, 3, 0, layers.get("ca_transfer"));
        // transfer at H/4: 8x8 patches at stride 4, pad 2 before, crop at 2
        checkTransfer(layers.get("re_en_conv_128"), tfA, 4, 8, 2, layers.get("re_de_att_128_transfer"));
    }

    /** out[y,x] = sum_{q,i} A[q,i] * patch_i[y - s*qy + pad, x - s*qx + pad], patch_i = f around (s*iy - pad, s*ix - pad). */
    private static void checkTransfer(TfTensor f, TfTensor a, int s, int k, int pad, TfTensor got) {
        int fh = (int) f.dim(1);
        int fw = (int) f.dim(2);
        int c = (int) f.dim(3);
        int h = (int) a.dim(1);
        int w = (int) a.dim(2);
        int n = h * w;
        assertThat(got.shape()).containsExactly(1, fh, fw, c);
        double[] out = new double[fh * fw * c];
        for (int q = 0; q < n; q++) {
            int qy = q / w;
            int qx = q % w;
            for (int i = 0; i < n; i++) {
                double ai = a.data()[q * n + i];
                if (ai == 0) {
                    continue;
                }
                int iy = i / w;
                int ix = i % w;
                for (int ky = 0; ky < k; ky++) {
                    int oy = s * qy + ky - pad;
                    int sy = s * iy + ky - pad;
                    if (oy < 0 || oy >= fh || sy < 0 || sy >= fh) {
                        continue;
                    }
                    for (int kx = 0; kx < k; kx++) {
                        int ox = s * qx + kx - pad;
                        int sx = s * ix + kx - pad;
                        if (ox < 0 || ox >= fw || sx < 0 || sx >= fw) {
                            continue;
                        }
                        for (int ch = 0; ch < c; ch++) {
                            out[(oy * fw + ox) * c + ch] += ai * f.data()[(sy * fw + sx) * c + ch];
                        }
                    }
                }
            }
        }
        double maxDiff = 0;
        for (int j = 0; j < out.length; j++) {
            maxDiff = Math.max(maxDiff, Math.abs(out[j] - got.data()[j]));
        }
        assertThat(maxDiff).isLessThan(1e-4);
    }

    @Test
    void layerListCoversTheNetwork() {
        List<String> names = List.copyOf(layers.keySet());
        assertThat(names.indexOf("re_dil_d16")).isLessThan(names.indexOf("attention"));
        assertThat(layers.get("ca_raw_patches").shape()).containsExactly(3, 3, 128, (H / 16) * (W / 16));
        assertThat(layers.get("re_de_att_256_transfer").shape()).containsExactly(1, H / 2, W / 2, 32);
    }
}
