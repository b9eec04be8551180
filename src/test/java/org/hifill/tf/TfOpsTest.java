package org.hifill.tf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Sanity checks of the TensorFlow oracle ops on tiny cases computed by hand or by plain loops. */
class TfOpsTest {

    private static TfTensor ramp(long... shape) {
        float[] d = new float[(int) TfTensor.elementCount(shape)];
        for (int i = 0; i < d.length; i++) {
            d[i] = i;
        }
        return TfTensor.of(shape, d);
    }

    private static TfTensor random(Random rnd, long... shape) {
        float[] d = new float[(int) TfTensor.elementCount(shape)];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) rnd.nextGaussian();
        }
        return TfTensor.of(shape, d);
    }

    @Test
    void sameConvStride2PadsZeroBeforeOneAfter() {
        // x[i][j] = 4i + j on a 4x4 grid, 3x3 kernel of ones, stride 2: out is 2x2, total pad 1,
        // all of it after (rows/cols 0..2 and 2..3 are summed, not -1..1 and 1..3).
        TfTensor x = ramp(1, 4, 4, 1);
        TfTensor w = TfTensor.of(new long[] {3, 3, 1, 1}, new float[] {1, 1, 1, 1, 1, 1, 1, 1, 1});
        TfTensor y = TfOps.conv2d(x, w, 2, 1);
        assertThat(y.shape()).containsExactly(1, 2, 2, 1);
        // out00 = sum_{i<3,j<3} (4i+j) = 3*(0+4+8) + 3*(0+1+2) = 45
        // out01 = sum_{i<3,j in 2..3}    = 2*(0+4+8) + 3*(2+3)   = 39
        // out10 = sum_{i in 2..3,j<3}    = 3*(8+12)  + 2*(0+1+2) = 66
        // out11 = sum_{i,j in 2..3}      = 2*(8+12)  + 2*(2+3)   = 50
        assertThat(y.data()).containsExactly(45f, 39f, 66f, 50f);
    }

    @Test
    void sameConvDilatedMatchesLoops() {
        Random rnd = new Random(1);
        TfTensor x = random(rnd, 1, 7, 6, 3);
        TfTensor w = random(rnd, 3, 3, 3, 2);
        TfTensor y = TfOps.conv2d(x, w, 1, 2);
        assertThat(y.shape()).containsExactly(1, 7, 6, 2);
        // dilation 2, stride 1: total pad 4, 2 before
        for (int oy = 0; oy < 7; oy++) {
            for (int ox = 0; ox < 6; ox++) {
                for (int co = 0; co < 2; co++) {
                    double s = 0;
                    for (int ky = 0; ky < 3; ky++) {
                        for (int kx = 0; kx < 3; kx++) {
                            int iy = oy - 2 + 2 * ky;
                            int ix = ox - 2 + 2 * kx;
                            if (iy < 0 || iy >= 7 || ix < 0 || ix >= 6) {
                                continue;
                            }
                            for (int ci = 0; ci < 3; ci++) {
                                s += x.get(0, iy, ix, ci) * w.get(ky, kx, ci, co);
                            }
                        }
                    }
                    assertThat(y.get(0, oy, ox, co)).isCloseTo((float) s, within(1e-5f));
                }
            }
        }
    }

    @Test
    void depthwiseMatchesLoops() {
        Random rnd = new Random(2);
        TfTensor x = random(rnd, 1, 5, 5, 2);
        TfTensor w = random(rnd, 3, 3, 2, 1);
        TfTensor y = TfOps.depthwiseConv2d(x, w, 2, 1);
        assertThat(y.shape()).containsExactly(1, 3, 3, 2);
        // 5 -> 3 at stride 2 with k 3: total pad 2, 1 before
        for (int oy = 0; oy < 3; oy++) {
            for (int ox = 0; ox < 3; ox++) {
                for (int c = 0; c < 2; c++) {
                    double s = 0;
                    for (int ky = 0; ky < 3; ky++) {
                        for (int kx = 0; kx < 3; kx++) {
                            int iy = 2 * oy - 1 + ky;
                            int ix = 2 * ox - 1 + kx;
                            if (iy >= 0 && iy < 5 && ix >= 0 && ix < 5) {
                                s += x.get(0, iy, ix, c) * w.get(ky, kx, c, 0);
                            }
                        }
                    }
                    assertThat(y.get(0, oy, ox, c)).isCloseTo((float) s, within(1e-5f));
                }
            }
        }
    }

    @Test
    void legacyResizeDownKeepsEverySecondPixel() {
        TfTensor x = TfTensor.of(new long[] {1, 1, 4, 1}, new float[] {3, 5, 11, 17});
        TfTensor y = TfOps.resizeBilinear(x, 1, 2);
        assertThat(y.data()).containsExactly(3f, 11f);
    }

    @Test
    void legacyResizeUpAveragesAndClampsTheLast() {
        float a = 2;
        float b = 7;
        TfTensor x = TfTensor.of(new long[] {1, 1, 2, 1}, new float[] {a, b});
        TfTensor y = TfOps.resizeBilinear(x, 1, 4);
        assertThat(y.data()).containsExactly(a, (a + b) / 2, b, b);
        // and in 2-D, separably
        TfTensor x2 = TfTensor.of(new long[] {1, 2, 2, 1}, new float[] {0, 4, 8, 12});
        TfTensor y2 = TfOps.resizeBilinear(x2, 4, 4);
        assertThat(y2.data()).containsExactly(
                0, 2, 4, 4,
                4, 6, 8, 8,
                8, 10, 12, 12,
                8, 10, 12, 12);
    }

    @Test
    void extractPatchesOrderIsRowColChannelWithSamePadding() {
        TfTensor x = ramp(1, 4, 4, 2);
        TfTensor p = TfOps.extractImagePatches(x, 3, 2);
        assertThat(p.shape()).containsExactly(1, 2, 2, 18);
        for (int py = 0; py < 2; py++) {
            for (int px = 0; px < 2; px++) {
                for (int ky = 0; ky < 3; ky++) {
                    for (int kx = 0; kx < 3; kx++) {
                        for (int c = 0; c < 2; c++) {
                            int iy = 2 * py + ky; // pad 0 before, 1 after
                            int ix = 2 * px + kx;
                            float expected = iy < 4 && ix < 4 ? x.get(0, iy, ix, c) : 0f;
                            assertThat(p.get(0, py, px, (ky * 3 + kx) * 2 + c)).isEqualTo(expected);
                        }
                    }
                }
            }
        }
    }

    @Test
    void conv2dTransposeIsScatterThenCropAtForwardPadding() {
        Random rnd = new Random(3);
        TfTensor v = random(rnd, 1, 3, 2, 4);      // Cin = 4
        TfTensor f = random(rnd, 4, 4, 2, 4);      // k = 4, Cout = 2
        long[] outShape = {1, 6, 4, 2};
        TfTensor y = TfOps.conv2dTranspose(v, f, outShape, 2);
        assertThat(y.shape()).containsExactly(outShape);
        // forward conv 6 -> 3 (k4, s2): total pad = 2*2 + 4 - 6 = 2, before 1; width 4 -> 2: pad 2, before 1
        float[] full = new float[(2 * 2 + 4) * (1 * 2 + 4) * 2];
        int fw = 6;
        for (int iy = 0; iy < 3; iy++) {
            for (int ix = 0; ix < 2; ix++) {
                for (int ky = 0; ky < 4; ky++) {
                    for (int kx = 0; kx < 4; kx++) {
                        for (int co = 0; co < 2; co++) {
                            double s = 0;
                            for (int ci = 0; ci < 4; ci++) {
                                s += v.get(0, iy, ix, ci) * f.get(ky, kx, co, ci);
                            }
                            full[((2 * iy + ky) * fw + 2 * ix + kx) * 2 + co] += (float) s;
                        }
                    }
                }
            }
        }
        for (int oy = 0; oy < 6; oy++) {
            for (int ox = 0; ox < 4; ox++) {
                for (int co = 0; co < 2; co++) {
                    assertThat(y.get(0, oy, ox, co)).isCloseTo(full[((oy + 1) * fw + ox + 1) * 2 + co], within(1e-5f));
                }
            }
        }
    }

    @Test
    void maxPoolSameIgnoresPadding() {
        float[] d = new float[25];
        for (int i = 0; i < 25; i++) {
            d[i] = -1 - i; // all negative: zero padding would win if it were counted
        }
        TfTensor y = TfOps.maxPool(TfTensor.of(new long[] {1, 5, 5, 1}, d), 3, 1);
        assertThat(y.shape()).containsExactly(1, 5, 5, 1);
        assertThat(y.get(0, 0, 0, 0)).isEqualTo(-1f);
        assertThat(y.get(0, 4, 4, 0)).isEqualTo(-19f); // window rows/cols 3..4, best is (3,3) = -1 - 18
        TfTensor m = TfOps.maxPool(ramp(1, 4, 4, 1), 2, 2);
        assertThat(m.data()).containsExactly(5f, 7f, 13f, 15f);
    }

    @Test
    void fuseIsTwoDiagonalSumsRasterThenColumnMajor() {
        int h = 3;
        int w = 4;
        int n = h * w;
        Random rnd = new Random(4);
        TfTensor y = random(rnd, 1, h, w, n);
        TfTensor got = TfOps.fuse(y);
        assertThat(got.shape()).containsExactly(1, h, w, n);
        // step 1: raster order, y1[q][i] = y[q-1][i-1] + y[q][i] + y[q+1][i+1]
        float[][] y1 = new float[n][n];
        for (int q = 0; q < n; q++) {
            for (int i = 0; i < n; i++) {
                float s = 0;
                for (int d = -1; d <= 1; d++) {
                    if (q + d >= 0 && q + d < n && i + d >= 0 && i + d < n) {
                        s += y.data()[(q + d) * n + i + d];
                    }
                }
                y1[q][i] = s;
            }
        }
        // step 2: same diagonal sum with both indices in column-major order (t = x*h + y)
        int[] rasterOfColMajor = new int[n];
        for (int t = 0; t < n; t++) {
            rasterOfColMajor[t] = (t % h) * w + t / h;
        }
        for (int tq = 0; tq < n; tq++) {
            for (int ti = 0; ti < n; ti++) {
                float s = 0;
                for (int d = -1; d <= 1; d++) {
                    if (tq + d >= 0 && tq + d < n && ti + d >= 0 && ti + d < n) {
                        s += y1[rasterOfColMajor[tq + d]][rasterOfColMajor[ti + d]];
                    }
                }
                int q = rasterOfColMajor[tq];
                int i = rasterOfColMajor[ti];
                assertThat(got.data()[q * n + i]).isCloseTo(s, within(1e-4f));
            }
        }
    }
}
