package org.hifill.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

    @Test
    void reconstructsTheMatrixFromOrthonormalEigenvectors() {
        double[][] a = FrechetDistanceTest.randomGaussian(10, 7).covariance();
        SymmetricEigen e = SymmetricEigen.of(a);
        int n = a.length;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double reconstructed = 0;
                double dot = 0;
                for (int j = 0; j < n; j++) {
                    reconstructed += e.vectors[i][j] * e.values[j] * e.vectors[k][j];
                    dot += e.vectors[j][i] * e.vectors[j][k];
                }
                assertThat(reconstructed).isCloseTo(a[i][k], within(1e-10));
                assertThat(dot).isCloseTo(i == k ? 1 : 0, within(1e-12));
            }
        }
    }

    @Test
    void findsTheEigenvaluesOfAKnownMatrix() {
        // [[2,1,0],[1,2,0],[0,0,-4]] has eigenvalues 3, 1, -4.
        SymmetricEigen e = SymmetricEigen.of(new double[][] {{2, 1, 0}, {1, 2, 0}, {0, 0, -4}});
        double[] sorted = e.values.clone();
        Arrays.sort(sorted);
        assertThat(sorted).containsExactly(new double[] {-4, 1, 3}, within(1e-14));
    }

    @Test
    void theSquareRootOfAPositiveMatrixSquaresBackToIt() {
        double[][] a = FrechetDistanceTest.randomGaussian(9, 8).covariance();
        double[][] r = SymmetricEigen.of(a).sqrtPositive();
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < a.length; k++) {
                double square = 0;
                for (int j = 0; j < a.length; j++) {
                    square += r[i][j] * r[j][k];
                }
                assertThat(square).isCloseTo(a[i][k], within(1e-10));
            }
        }
    }
}
