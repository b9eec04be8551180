package org.hifill.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Up-sampling against the half-pixel formulas: full pixel x samples the small image at
 * u = (x + 0.5) * small / full - 0.5; bilinear clamps u to the edge pixels, bicubic clamps the
 * indices of its four taps, nearest takes the pixel holding x's centre.
 */
class UpsamplerTest {

    @Test
    void everyRowAndOffsetMatchesTheHalfPixelFormula() {
        int[][] cases = {{3, 4, 7, 10}, {4, 4, 8, 8}, {5, 3, 23, 17}, {1, 2, 3, 5}, {6, 6, 6, 6}};
        SplittableRandom random = new SplittableRandom(23);
        for (int[] k : cases) {
            int sh = k[0];
            int sw = k[1];
            int fh = k[2];
            int fw = k[3];
            float[] small = randomPlanes(sh, sw, random);
            Upsampler up = Upsampler.bilinear(sh, sw, fh, fw);
            for (int y = 0; y < fh; y++) {
                for (int x0 = 0; x0 < fw; x0 += 3) {
                    int n = fw - x0;
                    float[] rgb = new float[3 * n];
                    up.sampleRow(small, y, x0, n, rgb);
                    for (int i = 0; i < n; i++) {
                        for (int c = 0; c < 3; c++) {
                            double expected = halfPixel(small, c, sh, sw, fh, fw, x0 + i, y);
                            assertThat((double) rgb[3 * i + c]).as("%s: band %d (%d, %d)",
                                    java.util.Arrays.toString(k), c, x0 + i, y).isCloseTo(expected, within(1e-3));
                        }
                    }
                }
            }
        }
    }

    @Test
    void doublingMixesNeighboursOneToThreeAndClampsAtTheEdges() {
        // One row 0, 40, 80 brought to 6 columns: centres at -0.25, 0.25, 0.75, 1.25, 1.75, 2.25.
        float[] small = {0, 40, 80, 0, 40, 80, 0, 40, 80};
        Upsampler up = Upsampler.bilinear(1, 3, 1, 6);
        float[] rgb = new float[18];
        up.sampleRow(small, 0, 0, 6, rgb);
        float[] expected = {0, 10, 30, 50, 70, 80};
        for (int i = 0; i < 6; i++) {
            assertThat(rgb[3 * i]).isCloseTo(expected[i], within(1e-4f));
        }
    }

    @Test
    void nearestDoublingRepeatsEachPixelTwiceAndThirdsPickTheCentre() {
        float[] small = {0, 40, 80, 0, 40, 80, 0, 40, 80};
        float[] rgb = new float[18];
        new Upsampler(Interpolation.NEAREST, 1, 3, 1, 6).sampleRow(small, 0, 0, 6, rgb);
        assertThat(red(rgb)).containsExactly(0, 0, 40, 40, 80, 80);
        // 3 to 2: centres at 0.75 and 2.25 of the source.
        float[] two = new float[6];
        new Upsampler(Interpolation.NEAREST, 1, 3, 1, 2).sampleRow(small, 0, 0, 2, two);
        assertThat(red(two)).containsExactly(0, 80);
    }

    @Test
    void bicubicMatchesKeysKernelWithClampedTapsAtEveryRowAndOffset() {
        int[][] cases = {{3, 4, 7, 10}, {5, 3, 23, 17}, {1, 2, 3, 5}, {4, 4, 4, 4}};
        SplittableRandom random = new SplittableRandom(5);
        for (int[] k : cases) {
            int sh = k[0];
            int sw = k[1];
            int fh = k[2];
            int fw = k[3];
            float[] small = randomPlanes(sh, sw, random);
            Upsampler up = new Upsampler(Interpolation.BICUBIC, sh, sw, fh, fw);
            for (int y = 0; y < fh; y++) {
                for (int x0 = 0; x0 < fw; x0 += 2) {
                    int n = fw - x0;
                    float[] rgb = new float[3 * n];
                    up.sampleRow(small, y, x0, n, rgb);
                    for (int i = 0; i < n; i++) {
                        for (int c = 0; c < 3; c++) {
                            assertThat((double) rgb[3 * i + c]).as("%s: band %d (%d, %d)",
                                    java.util.Arrays.toString(k), c, x0 + i, y)
                                    .isCloseTo(cubic(small, c, sh, sw, fh, fw, x0 + i, y), within(1e-3));
                        }
                    }
                }
            }
        }
    }

    @Test
    void bicubicKeepsALinearRampAwayFromTheEdges() {
        // Keys' kernel with a = -0.5 reproduces polynomials up to degree 2.
        float[] small = new float[3 * 8];
        for (int i = 0; i < 8; i++) {
            small[i] = 10 * i;
            small[8 + i] = 10 * i;
            small[16 + i] = 10 * i;
        }
        float[] rgb = new float[3 * 32];
        new Upsampler(Interpolation.BICUBIC, 1, 8, 1, 32).sampleRow(small, 0, 0, 32, rgb);
        for (int x = 8; x < 24; x++) {
            double u = (x + 0.5) / 4 - 0.5;
            assertThat((double) rgb[3 * x]).as("column %d", x).isCloseTo(10 * u, within(1e-4));
        }
    }

    private static float[] red(float[] rgb) {
        float[] r = new float[rgb.length / 3];
        for (int i = 0; i < r.length; i++) {
            r[i] = rgb[3 * i];
        }
        return r;
    }

    private static double cubic(float[] small, int c, int sh, int sw, int fh, int fw, int x, int y) {
        double u = (x + 0.5) * sw / fw - 0.5;
        double v = (y + 0.5) * sh / fh - 0.5;
        int u0 = (int) Math.floor(u);
        int v0 = (int) Math.floor(v);
        double sum = 0;
        for (int j = -1; j <= 2; j++) {
            for (int i = -1; i <= 2; i++) {
                int sx = Math.max(0, Math.min(sw - 1, u0 + i));
                int sy = Math.max(0, Math.min(sh - 1, v0 + j));
                sum += keys(u - (u0 + i)) * keys(v - (v0 + j)) * small[c * sh * sw + sy * sw + sx];
            }
        }
        return sum;
    }

    /** Keys (1981), a = -0.5, written out: (1.5|x|^3 - 2.5|x|^2 + 1) and (-0.5|x|^3 + 2.5|x|^2 - 4|x| + 2). */
    private static double keys(double x) {
        double d = Math.abs(x);
        return d <= 1 ? 1.5 * d * d * d - 2.5 * d * d + 1
                : d < 2 ? -0.5 * d * d * d + 2.5 * d * d - 4 * d + 2 : 0;
    }

    private static double halfPixel(float[] small, int c, int sh, int sw, int fh, int fw, int x, int y) {
        double u = Math.max(0, Math.min(sw - 1, (x + 0.5) * sw / fw - 0.5));
        double v = Math.max(0, Math.min(sh - 1, (y + 0.5) * sh / fh - 0.5));
        int u0 = (int) Math.floor(u);
        int v0 = (int) Math.floor(v);
        int u1 = Math.min(sw - 1, u0 + 1);
        int v1 = Math.min(sh - 1, v0 + 1);
        double a = u - u0;
        double b = v - v0;
        int p = c * sh * sw;
        return (1 - b) * ((1 - a) * small[p + v0 * sw + u0] + a * small[p + v0 * sw + u1])
                + b * ((1 - a) * small[p + v1 * sw + u0] + a * small[p + v1 * sw + u1]);
    }

    /** Three random planes of sh x sw samples in [0, 255). */
    private static float[] randomPlanes(int sh, int sw, SplittableRandom random) {
        float[] planes = new float[3 * sh * sw];
        for (int i = 0; i < planes.length; i++) {
            planes[i] = (float) random.nextDouble(0, 255);
        }
        return planes;
    }
}
