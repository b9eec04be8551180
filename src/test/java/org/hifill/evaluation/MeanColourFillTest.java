package org.hifill.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MeanColourFillTest {

    @Test
    void fillsEachChannelWithTheMeanOfItsKnownPixels() {
        // 2 x 2, channels R and G; the hole is the last pixel.
        float[] planes = {0.1f, 0.2f, 0.6f, 9f, -1f, -0.5f, 0f, 9f};
        float[] mask = {0f, 0f, 0f, 1f};

        float[] filled = new MeanColourFill().fill(planes, mask, 2, 2);

        assertThat(filled).containsExactly(new float[] {0.1f, 0.2f, 0.6f, 0.3f, -1f, -0.5f, 0f, -0.5f},
                org.assertj.core.data.Offset.offset(1e-6f));
    }

    @Test
    void refusesPlanesThatDoNotFitTheMask() {
        assertThatThrownBy(() -> new MeanColourFill().fill(new float[5], new float[4], 2, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2x2");
    }
}
