package org.hifill.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import org.hifill.pipeline.HoleMask;
import org.junit.jupiter.api.Test;

class MeanAbsoluteErrorTest {

    // 2x2, row-major: (0,0) (1,0) / (0,1) (1,1).
    private static final BufferedImage BLACK = TestImages.constant(2, 2, 0, 0, 0);
    private static final BufferedImage MIXED = TestImages.of(2, 2,
            new int[][] {{10, 20, 30}, {0, 0, 0}, {255, 0, 0}, {1, 2, 3}});

    @Test
    void wholeImageIsTheMeanOverPixelsAndChannelsOnThe255Scale() {
        // |differences| sum to 60 + 0 + 255 + 6 = 321 over 4 pixels x 3 channels.
        assertThat(MeanAbsoluteError.whole(BLACK, MIXED)).isCloseTo(321 / 12.0, within(1e-12));
        assertThat(MeanAbsoluteError.whole(MIXED, BLACK)).isCloseTo(321 / 12.0, within(1e-12));
    }

    @Test
    void holeOnlyAveragesOverTheHolePixelsAlone() {
        HoleMask diagonal = new HoleMask(2, 2);
        diagonal.setHole(0, 0, true);
        diagonal.setHole(1, 1, true);
        // (60 + 6) over 2 pixels x 3 channels.
        assertThat(MeanAbsoluteError.hole(BLACK, MIXED, diagonal)).isCloseTo(11.0, within(1e-12));

        HoleMask redPixel = new HoleMask(2, 2);
        redPixel.setHole(0, 1, true);
        assertThat(MeanAbsoluteError.hole(BLACK, MIXED, redPixel)).isCloseTo(85.0, within(1e-12));
    }

    @Test
    void identicalImagesHaveNoError() {
        assertThat(MeanAbsoluteError.whole(MIXED, MIXED)).isZero();
    }

    @Test
    void refusesImagesOfDifferentSizesAndMasksThatDoNotFitOrAreEmpty() {
        assertThatThrownBy(() -> MeanAbsoluteError.whole(BLACK, TestImages.constant(2, 3, 0, 0, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2x3");
        assertThatThrownBy(() -> MeanAbsoluteError.hole(BLACK, MIXED, new HoleMask(3, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3x2");
        assertThatThrownBy(() -> MeanAbsoluteError.hole(BLACK, MIXED, new HoleMask(2, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no hole");
    }
}
