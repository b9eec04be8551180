package org.hifill.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import org.hifill.pipeline.HoleMask;
import org.junit.jupiter.api.Test;

class PeakSignalToNoiseTest {

    // 2x2 grey; the other image differs by 51 on every channel of pixel (1,0) only.
    private static final BufferedImage GREY = TestImages.constant(2, 2, 100, 100, 100);
    private static final BufferedImage ONE_PIXEL_OFF = TestImages.of(2, 2,
            new int[][] {{100, 100, 100}, {151, 151, 49}, {100, 100, 100}, {100, 100, 100}});

    @Test
    void wholeImagePsnrUsesTheMeanSquaredErrorOverPixelsAndChannels() {
        // MSE = 3 * 51^2 / 12 = 650.25 = 255^2 / 100, so 20 dB.
        assertThat(PeakSignalToNoise.whole(GREY, ONE_PIXEL_OFF)).isCloseTo(20.0, within(1e-12));
    }

    @Test
    void holeOnlyPsnrUsesTheHolePixelsAlone() {
        HoleMask offPixel = new HoleMask(2, 2);
        offPixel.setHole(1, 0, true);
        // MSE = 51^2 = 255^2 / 25.
        assertThat(PeakSignalToNoise.hole(GREY, ONE_PIXEL_OFF, offPixel)).isCloseTo(10 * Math.log10(25), within(1e-12));

        offPixel.setHole(0, 0, true);
        // MSE = 51^2 / 2 = 255^2 / 50.
        assertThat(PeakSignalToNoise.hole(GREY, ONE_PIXEL_OFF, offPixel)).isCloseTo(10 * Math.log10(50), within(1e-12));
    }

    @Test
    void identicalImagesOrHolesArePositiveInfinity() {
        assertThat(PeakSignalToNoise.whole(GREY, GREY)).isEqualTo(Double.POSITIVE_INFINITY);

        HoleMask untouched = new HoleMask(2, 2);
        untouched.setHole(0, 1, true);
        assertThat(PeakSignalToNoise.hole(GREY, ONE_PIXEL_OFF, untouched)).isEqualTo(Double.POSITIVE_INFINITY);
    }
}
