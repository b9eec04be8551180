package org.hifill.training.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Both weightings on a 1 x 4 RGB image whose first pixel is the hole. Every colour of x1 is off by
 * 0.4 in the hole and 0.2 outside, of x2 by 0.6 and 0.1, so over the 12 elements
 * {@code mean(|real - x1| * m) = 0.4 * 3 / 12 = 0.1}, {@code mean(|real - x1| * (1 - m)) = 0.2 * 9 / 12 = 0.15},
 * for x2 0.15 and 0.075, and {@code mean(1 - m) = 0.75}.
 */
class ReconstructionLossTest {

    private NDManager m;
    private NDArray real;
    private NDArray coarse;
    private NDArray refined;
    private NDArray mask;

    @BeforeEach
    void tinyImage() {
        m = NDManager.newBaseManager();
        Shape image = new Shape(1, 3, 1, 4);
        real = m.full(image, 0.5f);
        // Errors of both signs: the loss takes absolute values.
        coarse = real.add(m.create(new float[] {-0.4f, 0.2f, 0.2f, 0.2f}).reshape(1, 1, 1, 4));
        refined = real.add(m.create(new float[] {0.6f, -0.1f, -0.1f, -0.1f}).reshape(1, 1, 1, 4));
        mask = m.create(new float[] {1, 0, 0, 0}).reshape(1, 1, 1, 4);
    }

    @AfterEach
    void close() {
        m.close();
    }

    @Test
    void paperWeightingSumsBothOutputsWithAlphaOneInTheHoleAndOnePointTwoOutside() {
        ReconstructionLoss loss = new ReconstructionLoss(ReconstructionLoss.Weighting.PAPER);
        ReconstructionLoss.Terms terms = loss.compute(real, coarse, refined, mask);
        assertThat(terms.inHole().getFloat()).isCloseTo(0.1f + 0.15f, within(1e-6f));
        assertThat(terms.context().getFloat()).isCloseTo(0.15f + 0.075f, within(1e-6f));
        assertThat(terms.total().getFloat()).isCloseTo(0.25f + 1.2f * 0.225f, within(1e-6f));
        assertThat(loss.generatorLoss(terms, m.create(-3f)).getFloat()).isCloseTo(0.52f - 3e-4f, within(1e-6f));
    }

    @Test
    void releaseWeightingWeighsX1ByOnePointTwoAndNormalisesTheContextByItsArea() {
        ReconstructionLoss loss = new ReconstructionLoss(ReconstructionLoss.Weighting.RELEASE);
        ReconstructionLoss.Terms terms = loss.compute(real, coarse, refined, mask);
        assertThat(terms.inHole().getFloat()).isCloseTo(1.2f * 0.1f + 0.15f, within(1e-6f));
        assertThat(terms.context().getFloat()).isCloseTo((1.2f * 0.15f + 0.075f) / 0.75f, within(1e-6f));
        assertThat(terms.total().getFloat()).isCloseTo(1.2f * 0.27f + 1.2f * 0.34f, within(1e-6f));
        assertThat(loss.generatorLoss(terms, m.create(-3f)).getFloat()).isCloseTo(0.732f - 3e-3f, within(1e-6f));
    }
}
