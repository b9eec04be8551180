package org.hifill.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class InceptionScoreTest {

    @Test
    void confidentPredictionsSpreadEvenlyOverKClassesScoreK() {
        int k = 5;
        double[][] p = new double[2 * k][k];
        for (int i = 0; i < p.length; i++) {
            p[i][i % k] = 1;
        }
        assertThat(InceptionScore.fromProbabilities(p)).isCloseTo(k, within(1e-12));
    }

    @Test
    void identicalPredictionsScoreOne() {
        double[][] p = {{0.2, 0.5, 0.3}, {0.2, 0.5, 0.3}, {0.2, 0.5, 0.3}};
        assertThat(InceptionScore.fromProbabilities(p)).isCloseTo(1, within(1e-12));
    }

    @Test
    void isTheExponentialOfTheMeanDivergenceFromTheMarginal() {
        // Marginal (0.75, 0.25); KL of (1, 0) is ln(4/3), of (0.5, 0.5) is 0.5 ln(2/3) + 0.5 ln 2.
        double kl1 = Math.log(1 / 0.75);
        double kl2 = 0.5 * Math.log(0.5 / 0.75) + 0.5 * Math.log(0.5 / 0.25);
        assertThat(InceptionScore.fromProbabilities(new double[][] {{1, 0}, {0.5, 0.5}}))
                .isCloseTo(Math.exp((kl1 + kl2) / 2), within(1e-12));
    }

    @Test
    void refusesRowsThatAreNotProbabilities() {
        assertThatThrownBy(() -> InceptionScore.fromProbabilities(new double[][] {{2.5, -1.0}}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InceptionScore.fromProbabilities(new double[][] {{0.5, 0.6}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sums to");
    }
}
