package org.hifill.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class MsSsimTest {

    @Test
    void anImageWithItselfScoresOne() {
        BufferedImage image = TestImages.textured(176, 190, 1);
        assertThat(MsSsim.of(image, image)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void fallsAsNoiseGrowsStronger() {
        BufferedImage image = TestImages.textured(192, 176, 2);
        double previous = 1;
        for (double sigma : new double[] {3, 10, 25, 60}) {
            double score = MsSsim.of(image, TestImages.noisy(image, sigma, 3));
            assertThat(score).as("sigma %s", sigma).isLessThan(previous).isGreaterThan(0);
            previous = score;
        }
    }

    @Test
    void flatImagesKeepOnlyTheCoarsestLuminanceToItsWeight() {
        // Flat planes: cs = 1 at every scale, and scale 5's SSIM is the luminance term alone.
        double c1 = 6.5025;
        double luminance = (2 * 80.0 * 120 + c1) / (80.0 * 80 + 120.0 * 120 + c1);
        BufferedImage a = TestImages.constant(180, 177, 80, 80, 80);
        BufferedImage b = TestImages.constant(180, 177, 120, 120, 120);
        assertThat(MsSsim.of(a, b)).isCloseTo(Math.pow(luminance, 0.1333), within(1e-12));
    }

    @Test
    void poolsTwoByTwoBlocksAndDropsAnOddLastRowAndColumn() {
        float[] plane = {
            0, 4, 8, 12, 99,
            2, 6, 10, 14, 99,
            99, 99, 99, 99, 99};
        assertThat(MsSsim.halve(plane, 5, 3)).containsExactly(3f, 11f);
    }

    @Test
    void refusesImagesTooSmallForFiveScalesNamingTheMinimum() {
        BufferedImage narrow = TestImages.constant(175, 400, 0, 0, 0);
        assertThatThrownBy(() -> MsSsim.of(narrow, narrow))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("176x176");
    }
}
