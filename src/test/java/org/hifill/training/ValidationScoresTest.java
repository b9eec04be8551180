package org.hifill.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The validation scores against hand-computed values. */
class ValidationScoresTest {

    @Test
    void holeL1AndPsnrOfTwoPackedSamples() {
        // Two samples of one pixel each (planes of 1), three channels; the first sample is a hole.
        float[] real = {0f, 0f, 0f, 0.5f, 0.5f, 0.5f};
        float[] filled = {0.2f, -0.2f, 0.4f, 0.5f, 0.5f, 0.1f};
        float[] masks = {1f, 0f};
        ValidationScores.Accumulator scores = new ValidationScores.Accumulator();

        scores.add(real, filled, masks, 1);
        ValidationScores result = scores.scores();

        // Hole: |0.2| + |0.2| + |0.4| over 3 values = 0.2667 on [-1, 1], x 127.5 = 34.0.
        assertThat(result.holeL1()).isCloseTo(34.0, within(1e-4));
        // MSE on [-1, 1]: (0.04 + 0.04 + 0.16 + 0.16) / 6 = 0.0667; x 127.5^2 = 1083.75; PSNR = 10 log10(255^2 / 1083.75).
        assertThat(result.psnr()).isCloseTo(10 * Math.log10(255.0 * 255.0 / 1083.75), within(1e-4));
    }
}
