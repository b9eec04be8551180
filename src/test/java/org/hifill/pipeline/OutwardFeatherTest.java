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
        float[] w = all(feather.weights(mask, cell, new Rectangle(100, 60)), cell);
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
        Rectangle inside = new Rectangle(80, 80, 20, 20);
        OutwardFeather.CellWeights deep = feather.weights(mask, inside, bounds);
        assertThat(deep.full()).isTrue();
        assertThat(all(deep, inside)).containsOnly(1f).hasSize(400);
    }

    @Test
    void holesOutsideTheBoundsAreNotFeathered() {
        HoleMask mask = Photos.mask(200, 200, new Rectangle(100, 0, 10, 10));
        // The region being filled ends at x = 100: the hole beyond it does not reach into it.
        assertThat(new OutwardFeather(5).weights(mask, new Rectangle(90, 0, 10, 10), new Rectangle(100, 200))).isNull();
    }

    @Test
    void wideFeatherComputedOnBlocksStaysMonotonicAndReachesZeroByTheRadius() {
        int radius = 32;
        HoleMask mask = Photos.mask(300, 200, new Rectangle(100, 80, 50, 40));
        Rectangle cell = new Rectangle(140, 60, 100, 80);
        float[] w = all(new OutwardFeather(radius).weights(mask, cell, new Rectangle(300, 200)), cell);
        int row = 100 - cell.y;
        float previous = 1f;
        for (int x = 150; x < cell.x + cell.width; x++) {
            float v = w[row * cell.width + x - cell.x];
            assertThat(v).as("x = %d", x).isLessThanOrEqualTo(previous + 1e-6f);
            previous = v;
        }
        assertThat(w[row * cell.width + 149 - cell.x]).isEqualTo(1f);
        assertThat(w[row * cell.width + 149 + radius + 1 - cell.x]).isZero();
    }

    /** Every weight of a cell, row-major. */
    private static float[] all(OutwardFeather.CellWeights weights, Rectangle cell) {
        float[] out = new float[cell.width * cell.height];
        float[] row = new float[cell.width];
        for (int v = 0; v < cell.height; v++) {
            weights.row(v, row);
            System.arraycopy(row, 0, out, v * cell.width, cell.width);
        }
        return out;
    }

    @Test
    void radiusGrowsWithThePhotoPixelsPerNetworkPixel() {
        assertThat(OutwardFeather.forScale(0.5).radius()).isEqualTo(2);
        assertThat(OutwardFeather.forScale(2).radius()).isEqualTo(4);
        assertThat(OutwardFeather.forScale(7.8125).radius()).isEqualTo(16);
    }
}
