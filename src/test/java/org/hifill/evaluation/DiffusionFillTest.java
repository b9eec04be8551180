package org.hifill.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The harmonic fill against functions whose harmonic interpolation is known in closed form. */
class DiffusionFillTest {

    private final DiffusionFill fill = new DiffusionFill();

    @Test
    void reproducesALinearRampAcrossAWideHole() {
        int w = 97;
        int h = 61;
        float[] planes = new float[2 * w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                planes[y * w + x] = 0.01f * x - 0.02f * y;
                planes[w * h + y * w + x] = 0.5f + 0.003f * y;
            }
        }
        float[] mask = rectangle(w, h, 10, 5, 80, 50);
        float[] holed = planes.clone();
        for (int i = 0; i < w * h; i++) {
            if (mask[i] > 0.5f) {
                holed[i] = 7f;
                holed[w * h + i] = -7f;
            }
        }

        float[] filled = fill.fill(holed, mask, w, h);

        // A linear function is harmonic: the discrete Laplace equation's solution is the ramp itself.
        for (int i = 0; i < planes.length; i++) {
            assertThat(filled[i]).as("value %d", i).isCloseTo(planes[i], within(2e-3f));
        }
    }

    @Test
    void leavesKnownPixelsUntouchedAndFillsBetweenTwoLevels() {
        int w = 40;
        int h = 20;
        float[] planes = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                planes[y * w + x] = x < w / 2 ? -1f : 1f;
            }
        }
        float[] mask = rectangle(w, h, 10, 0, 30, 20);

        float[] filled = fill.fill(planes, mask, w, h);

        for (int i = 0; i < w * h; i++) {
            if (mask[i] <= 0.5f) {
                assertThat(filled[i]).isEqualTo(planes[i]);
            } else {
                assertThat(filled[i]).isBetween(-1f, 1f);
            }
        }
        // Columns 9 (-1) and 30 (+1) bound the hole; with insulated top and bottom the solution is
        // linear in x: -1 + 2 (x - 9) / 21.
        assertThat(filled[10 * w + 15]).isCloseTo(-1f + 2f * 6 / 21, within(2e-3f));
    }

    @Test
    void anImageThatIsAllHoleBecomesMidRange() {
        float[] filled = fill.fill(new float[] {0.3f, 0.9f, -0.2f}, new float[] {1f}, 1, 1);

        assertThat(filled).containsExactly(0f, 0f, 0f);
    }

    private static float[] rectangle(int w, int h, int x0, int y0, int x1, int y1) {
        float[] mask = new float[w * h];
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                mask[y * w + x] = 1f;
            }
        }
        return mask;
    }
}
