package org.hifill.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** OpenCV's Telea inpainting on colour planes in [-1, 1]. */
class TeleaFillTest {

    @Test
    void fillsAHoleInAFlatImageWithItsColourAndKeepsTheRest() {
        int w = 32;
        int h = 24;
        float[] planes = new float[3 * w * h];
        float[] mask = new float[w * h];
        float[] colour = {-0.6f, 0.2f, 0.8f};
        for (int i = 0; i < w * h; i++) {
            for (int c = 0; c < 3; c++) {
                planes[c * w * h + i] = colour[c];
            }
            int x = i % w;
            int y = i / w;
            if (x >= 10 && x < 20 && y >= 8 && y < 16) {
                mask[i] = 1f;
                planes[i] = 1f;
            }
        }

        float[] filled = new TeleaFill().fill(planes, mask, w, h);

        for (int i = 0; i < w * h; i++) {
            for (int c = 0; c < 3; c++) {
                if (mask[i] > 0.5f) {
                    // Within 3 of the 8-bit levels (1/127.5 each here): OpenCV's weighted fill rounds.
                    assertThat(filled[c * w * h + i]).as("pixel %d channel %d", i, c)
                            .isCloseTo(colour[c], within(3f / 127.5f));
                } else {
                    assertThat(filled[c * w * h + i]).isEqualTo(planes[c * w * h + i]);
                }
            }
        }
    }
}
