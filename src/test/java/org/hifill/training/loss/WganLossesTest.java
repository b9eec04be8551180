package org.hifill.training.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class WganLossesTest {

    @Test
    void criticLossIsFakeMinusRealScorePlusTenTimesThePenaltyAndGeneratorLossIsMinusTheFakeScore() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray realScores = m.create(new float[] {1, 3}).reshape(2, 1);
            NDArray fakeScores = m.create(new float[] {-1, 0}).reshape(2, 1);
            assertThat(WganLosses.discriminator(realScores, fakeScores, m.create(0.5f)).getFloat())
                    .isCloseTo(-0.5f - 2f + 10 * 0.5f, within(1e-6f));
            assertThat(WganLosses.generator(fakeScores).getFloat()).isCloseTo(0.5f, within(1e-6f));
        }
    }
}
