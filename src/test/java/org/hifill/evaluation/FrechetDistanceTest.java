package org.hifill.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.hifill.evaluation.FrechetDistance.Gaussian;
import org.junit.jupiter.api.Test;

class FrechetDistanceTest {

    @Test
    void identicalGaussiansAreAtDistanceZero() {
        Gaussian g = randomGaussian(12, 1);
        assertThat(FrechetDistance.between(g, g)).isCloseTo(0, within(1e-9));
    }

    @Test
    void withTheSameCovarianceTheDistanceIsTheSquaredMeanShift() {
        Gaussian g = randomGaussian(6, 2);
        double[] shifted = g.mean().clone();
        shifted[0] += 3;
        shifted[4] -= 4;
        assertThat(FrechetDistance.between(g, new Gaussian(shifted, g.covariance()))).isCloseTo(25, within(1e-9));
    }

    @Test
    void diagonalCovariancesGiveTheSumOfSquaredDifferencesOfStandardDeviations() {
        double[] a = {1, 4, 9, 0.25};
        double[] b = {4, 4, 1, 2};
        double expected = 0;
        for (int i = 0; i < a.length; i++) {
            expected += Math.pow(Math.sqrt(a[i]) - Math.sqrt(b[i]), 2);
        }
        double[] zero = new double[4];
        assertThat(FrechetDistance.between(zero, diagonal(a), zero, diagonal(b))).isCloseTo(expected, within(1e-12));
    }

    @Test
    void commutingCovariancesCompareTheirSharedEigenvalues() {
        // Both have eigenvectors (1,1)/sqrt2 and (1,-1)/sqrt2: eigenvalues 3, 1 and 1, 9.
        double[][] s1 = {{2, 1}, {1, 2}};
        double[][] s2 = {{5, -4}, {-4, 5}};
        double expected = Math.pow(Math.sqrt(3) - 1, 2) + Math.pow(1 - 3, 2) + 1; // + |(1,0)|^2
        assertThat(FrechetDistance.between(new double[] {1, 2}, s1, new double[] {0, 2}, s2))
                .isCloseTo(expected, within(1e-12));
    }

    @Test
    void nonCommutingTwoByTwoCovariancesMatchTheClosedForm() {
        // For 2x2, tr sqrt(M) = sqrt(tr M + 2 sqrt(det M)) (M = S1 S2 has eigenvalues >= 0).
        double[][] s1 = {{4, 1}, {1, 2}};
        double[][] s2 = {{1, 0.5}, {0.5, 3}};
        double trProduct = 4 * 1 + 1 * 0.5 + 1 * 0.5 + 2 * 3;
        double detProduct = (4 * 2 - 1) * (1 * 3 - 0.25);
        double expected = 6 + 4 - 2 * Math.sqrt(trProduct + 2 * Math.sqrt(detProduct));
        double[] zero = new double[2];
        assertThat(FrechetDistance.between(zero, s1, zero, s2)).isCloseTo(expected, within(1e-12));
        assertThat(FrechetDistance.between(zero, s2, zero, s1)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void isSymmetricInItsArgumentsForRandomCovariances() {
        Gaussian a = randomGaussian(15, 3);
        Gaussian b = randomGaussian(15, 4);
        double ab = FrechetDistance.between(a, b);
        assertThat(ab).isPositive();
        assertThat(FrechetDistance.between(b, a)).isCloseTo(ab, within(1e-9 * ab));
    }

    @Test
    void rankDeficientCovariancesFromFewRowsStillGiveAFiniteDistance() {
        Random random = new Random(5);
        double[][] rows = new double[3][8];
        for (double[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                row[j] = random.nextGaussian();
            }
        }
        Gaussian g = Gaussian.fit(rows);
        assertThat(FrechetDistance.between(g, g)).isCloseTo(0, within(1e-7));
        assertThat(FrechetDistance.between(g, randomGaussian(8, 6))).isFinite().isPositive();
    }

    @Test
    void fitGivesTheSampleMeanAndTheUnbiasedCovariance() {
        Gaussian g = Gaussian.fit(new double[][] {{1, 2}, {3, 6}, {5, 4}});
        // Centred rows (-2,-2), (0,2), (2,0); sums of products over n - 1 = 2.
        assertThat(g.mean()).containsExactly(3, 4);
        assertThat(g.covariance()[0]).containsExactly(4, 2);
        assertThat(g.covariance()[1]).containsExactly(2, 4);
    }

    @Test
    void refusesMismatchedDimensionsAndTooFewRows() {
        assertThatThrownBy(() -> FrechetDistance.between(randomGaussian(3, 1), randomGaussian(4, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 and 4");
        assertThatThrownBy(() -> Gaussian.fit(new double[][] {{1, 2}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2");
    }

    @Test
    void inTheSampleSpaceItEqualsTheDistanceOfTheFittedGaussians() {
        // More rows than features: full-rank covariances, where the general path is accurate too.
        double[][] a = rows(30, 10, 0.0, 8);
        double[][] b = rows(25, 10, 0.3, 9);
        double general = FrechetDistance.between(Gaussian.fit(a), Gaussian.fit(b));

        assertThat(general).isPositive();
        assertThat(FrechetDistance.inSampleSpace(a, b)).isCloseTo(general, within(1e-10 * general));
        assertThat(FrechetDistance.inSampleSpace(b, a)).isCloseTo(general, within(1e-10 * general));
    }

    @Test
    void withFewerRowsThanFeaturesItMatchesTheGeneralPathWithinThatPathsRounding() {
        // The general path takes square roots of a rank-deficient covariance's rounding-level
        // eigenvalues (about 1e-16 of the largest, so 1e-8 after the root): agreement to 1e-6.
        double[][] a = rows(7, 20, 0.0, 8);
        double[][] b = rows(9, 20, 0.3, 9);
        double[][] many = rows(30, 20, -1.0, 10);
        for (double[][] other : List.of(b, many)) {
            double general = FrechetDistance.between(Gaussian.fit(a), Gaussian.fit(other));

            assertThat(FrechetDistance.ofFeatures(a, other)).isCloseTo(general, within(1e-6 * general));
            assertThat(FrechetDistance.ofFeatures(other, a)).isCloseTo(general, within(1e-6 * general));
        }
    }

    @Test
    void aSetOfFeatureRowsIsAtDistanceZeroFromItself() {
        double[][] a = rows(11, 64, 0.5, 12);
        assertThat(FrechetDistance.ofFeatures(a, a)).isCloseTo(0, within(1e-9));
    }

    @Test
    void featureRowsWithKnownDiagonalCovariancesGiveTheClosedFormInTheSampleSpace() {
        // Rows +-sqrt(3 v_i) e_i + mu (6 rows, n - 1 = 5): mean mu, covariance diag(2 * 3 v_i / 5).
        // In 16 dimensions, more than the 6 rows, so this takes the sample-space path.
        double[] va = {1, 4, 0.25};
        double[] vb = {9, 1, 0.25};
        double[] muB = {1, 0, -2};
        double expected = 1 + 4;
        for (int i = 0; i < 3; i++) {
            expected += 1.2 * Math.pow(Math.sqrt(va[i]) - Math.sqrt(vb[i]), 2);
        }
        assertThat(FrechetDistance.ofFeatures(axisRows(va, new double[3], 16), axisRows(vb, muB, 16)))
                .isCloseTo(expected, within(1e-12));
    }

    /** Two rows per axis i: mu +- sqrt(3 v_i) e_i, padded with zeros to d features. */
    private static double[][] axisRows(double[] v, double[] mu, int d) {
        double[][] rows = new double[2 * v.length][d];
        for (int i = 0; i < v.length; i++) {
            for (int sign = 0; sign < 2; sign++) {
                double[] row = rows[2 * i + sign];
                System.arraycopy(mu, 0, row, 0, mu.length);
                row[i] += (sign == 0 ? 1 : -1) * Math.sqrt(3 * v[i]);
            }
        }
        return rows;
    }

    /** n rows of d correlated features around {@code shift}. */
    private static double[][] rows(int n, int d, double shift, long seed) {
        Random random = new Random(seed);
        double[][] rows = new double[n][d];
        for (double[] row : rows) {
            double common = random.nextGaussian();
            for (int j = 0; j < d; j++) {
                row[j] = shift + random.nextGaussian() + common * (j % 3);
            }
        }
        return rows;
    }

    private static double[][] diagonal(double[] values) {
        double[][] m = new double[values.length][values.length];
        for (int i = 0; i < values.length; i++) {
            m[i][i] = values[i];
        }
        return m;
    }

    /** Fitted to 4n correlated rows, so the covariance is full and far from diagonal. */
    static Gaussian randomGaussian(int n, long seed) {
        Random random = new Random(seed);
        double[][] mixing = new double[n][n];
        for (double[] row : mixing) {
            for (int j = 0; j < n; j++) {
                row[j] = random.nextGaussian();
            }
        }
        double[][] rows = new double[4 * n][n];
        for (double[] row : rows) {
            double[] z = new double[n];
            for (int j = 0; j < n; j++) {
                z[j] = random.nextGaussian();
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    row[i] += mixing[i][j] * z[j];
                }
                row[i] += 0.5 * i;
            }
        }
        return Gaussian.fit(rows);
    }
}
