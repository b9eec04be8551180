package org.hifill.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class SsimTest {

    private static final double C1 = 6.5025; // (0.01 * 255)^2
    private static final double C2 = 58.5225; // (0.03 * 255)^2

    @Test
    void anImageWithItselfScoresOne() {
        BufferedImage image = TestImages.textured(40, 23, 1);
        assertThat(Ssim.of(image, image)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void onAnElevenPixelSquareTheMapIsOneWindowOfGaussianWeightedStatistics() {
        BufferedImage a = TestImages.textured(11, 11, 2);
        BufferedImage b = TestImages.noisy(a, 25, 3);
        assertThat(Ssim.of(a, b)).isCloseTo(naive(a, b), within(1e-12)).isLessThan(0.99);
    }

    @Test
    void averagesTheValidMapOfEveryWindowPositionAndChannel() {
        BufferedImage a = TestImages.textured(17, 14, 4);
        BufferedImage b = TestImages.noisy(a, 15, 5);
        assertThat(Ssim.of(a, b)).isCloseTo(naive(a, b), within(1e-12));
        assertThat(Ssim.of(b, a)).isCloseTo(Ssim.of(a, b), within(1e-12));
    }

    @Test
    void aConstantShiftOfAFlatImageLeavesOnlyTheLuminanceTerm() {
        // No variance, no covariance: cs = C2 / C2 = 1 and SSIM = (2 m1 m2 + C1) / (m1^2 + m2^2 + C1).
        double expected = (2 * 100.0 * 140 + C1) / (100.0 * 100 + 140.0 * 140 + C1);
        assertThat(Ssim.of(TestImages.constant(16, 12, 100, 100, 100), TestImages.constant(16, 12, 140, 140, 140)))
                .isCloseTo(expected, within(1e-12));
    }

    @Test
    void refusesImagesSmallerThanTheWindow() {
        assertThatThrownBy(() -> Ssim.of(TestImages.constant(11, 10, 0, 0, 0), TestImages.constant(11, 10, 0, 0, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("11x11");
    }

    /** SSIM straight from Wang et al. (2004), eq. 13 with the 2-D Gaussian window, one window at a time. */
    private static double naive(BufferedImage a, BufferedImage b) {
        double[][] w = new double[11][11];
        double total = 0;
        for (int i = 0; i < 11; i++) {
            for (int j = 0; j < 11; j++) {
                w[i][j] = Math.exp(-((i - 5) * (i - 5) + (j - 5) * (j - 5)) / (2 * 1.5 * 1.5));
                total += w[i][j];
            }
        }
        double sum = 0;
        int count = 0;
        for (int c = 0; c < 3; c++) {
            for (int y0 = 0; y0 + 11 <= a.getHeight(); y0++) {
                for (int x0 = 0; x0 + 11 <= a.getWidth(); x0++) {
                    double mx = 0;
                    double my = 0;
                    for (int i = 0; i < 11; i++) {
                        for (int j = 0; j < 11; j++) {
                            mx += w[i][j] / total * TestImages.channel(a, x0 + j, y0 + i, c);
                            my += w[i][j] / total * TestImages.channel(b, x0 + j, y0 + i, c);
                        }
                    }
                    double vx = 0;
                    double vy = 0;
                    double cov = 0;
                    for (int i = 0; i < 11; i++) {
                        for (int j = 0; j < 11; j++) {
                            double dx = TestImages.channel(a, x0 + j, y0 + i, c) - mx;
                            double dy = TestImages.channel(b, x0 + j, y0 + i, c) - my;
                            vx += w[i][j] / total * dx * dx;
                            vy += w[i][j] / total * dy * dy;
                            cov += w[i][j] / total * dx * dy;
                        }
                    }
                    sum += (2 * mx * my + C1) * (2 * cov + C2) / ((mx * mx + my * my + C1) * (vx + vy + C2));
                    count++;
                }
            }
        }
        return sum / count;
    }
}
