package org.hifill.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Bilinear up-sampling against the half-pixel formula: full pixel x samples the small image at
 * (x + 0.5) * small / full - 0.5, clamped to the edge pixels.
 */
class BilinearUpsamplerTest {

    @Test
    void everyRowAndOffsetMatchesTheHalfPixelFormula() {
        int[][] cases = {{3, 4, 7, 10}, {4, 4, 8, 8}, {5, 3, 23, 17}, {1, 2, 3, 5}, {6, 6, 6, 6}};
        SplittableRandom random = new SplittableRandom(23);
        for (int[] k : cases) {
            int sh = k[0];
            int sw = k[1];
            int fh = k[2];
            int fw = k[3];
            float[] small = new float[3 * sh * sw];
            for (int i = 0; i < small.length; i++) {
                small[i] = (float) random.nextDouble(0, 255);
            }
            BilinearUpsampler up = new BilinearUpsampler(sh, sw, fh, fw);
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
        BilinearUpsampler up = new BilinearUpsampler(1, 3, 1, 6);
        float[] rgb = new float[18];
        up.sampleRow(small, 0, 0, 6, rgb);
        float[] expected = {0, 10, 30, 50, 70, 80};
        for (int i = 0; i < 6; i++) {
            assertThat(rgb[3 * i]).isCloseTo(expected[i], within(1e-4f));
        }
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
}
