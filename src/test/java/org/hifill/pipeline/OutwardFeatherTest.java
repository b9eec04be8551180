package org.hifill.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Rectangle;
import org.junit.jupiter.api.Test;

/** The outward feather: 1 on every hole pixel, a smoothstep down to 0 over the radius outside. */
class OutwardFeatherTest {

    @Test
    void holeIsOneAndTheWeightFallsBySmoothstepToZeroAtTheRadius() {
        int radius = 8;
        HoleMask mask = Photos.mask(100, 60, new Rectangle(40, 20, 10, 10));
        OutwardFeather feather = new OutwardFeather(radius);
        Rectangle cell = new Rectangle(30, 15, 40, 30);
        float[] w = feather.weights(mask, cell, new Rectangle(100, 60));
        for (int y = cell.y; y < cell.y + cell.height; y++) {
            for (int x = cell.x; x < cell.x + cell.width; x++) {
                float v = w[(y - cell.y) * cell.width + x - cell.x];
                if (mask.isHole(x, y)) {
                    assertThat(v).isEqualTo(1f);
                } else if (!Photos.holeWithin(mask, x, y, radius)) {
                    assertThat(v).as("(%d, %d)", x, y).isZero();
                } else {
                    assertThat(v).as("(%d, %d)", x, y).isBetween(0f, 1f);
                }
            }
        }
        // Straight out from the right edge of the hole (x = 49): distance d gives 1 - smoothstep(d / r).
        for (int d = 1; d <= radius + 2; d++) {
            double t = Math.min(1.0, (double) d / radius);
            double expected = 1 - t * t * (3 - 2 * t);
            assertThat((double) w[(25 - cell.y) * cell.width + 49 + d - cell.x]).as("distance %d", d)
                    .isCloseTo(expected, within(1e-5));
        }
    }

    @Test
    void cellOutOfReachHasNoWeightsAndCellsInsideTheHoleAreAllOne() {
        HoleMask mask = Photos.mask(200, 200, new Rectangle(50, 50, 100, 100));
        OutwardFeather feather = new OutwardFeather(4);
        Rectangle bounds = new Rectangle(200, 200);
        assertThat(feather.weights(mask, new Rectangle(0, 0, 40, 40), bounds)).isNull();
        assertThat(feather.weights(mask, new Rectangle(80, 80, 20, 20), bounds)).containsOnly(1f).hasSize(400);
    }

    @Test
    void holesOutsideTheBoundsAreNotFeathered() {
        HoleMask mask = Photos.mask(200, 200, new Rectangle(100, 0, 10, 10));
        // The region being filled ends at x = 100: the hole beyond it does not reach into it.
        assertThat(new OutwardFeather(5).weights(mask, new Rectangle(90, 0, 10, 10), new Rectangle(100, 200))).isNull();
    }

    @Test
    void radiusGrowsWithThePhotoPixelsPerNetworkPixel() {
        assertThat(OutwardFeather.forScale(0.5).radius()).isEqualTo(2);
        assertThat(OutwardFeather.forScale(2).radius()).isEqualTo(4);
        assertThat(OutwardFeather.forScale(7.8125).radius()).isEqualTo(16);
    }
}
