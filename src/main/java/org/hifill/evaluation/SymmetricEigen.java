package org.hifill.evaluation;

/**
 * Eigendecomposition {@code A = V diag(values) V^T} of a real symmetric matrix by cyclic Jacobi
 * rotations (Golub and Van Loan, Matrix Computations, 8.5). Accurate and simple, but each sweep
 * costs about 6 n^3 flops and 6 to 10 sweeps are typical: milliseconds for tens of dimensions,
 * seconds for hundreds, minutes for Inception's 2048 (a tridiagonal QL method would be some 5
 * times faster).
 */
final class SymmetricEigen {

    private static final int MAX_SWEEPS = 100;
    private static final double EPSILON = Math.ulp(1.0);

    /** Eigenvalues, unsorted. */
    final double[] values;
    /** Eigenvectors as columns: {@code vectors[k][j]} is component k of the vector for {@code values[j]}. */
    final double[][] vectors;

    private SymmetricEigen(double[] values, double[][] vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    /** Decomposes {@code (a + a^T) / 2}; {@code a} is left unchanged. */
    static SymmetricEigen of(double[][] a) {
        int n = a.length;
        double[][] m = new double[n][n];
        double[][] v = new double[n][n];
        double norm = 0;
        for (int i = 0; i < n; i++) {
            if (a[i].length != n) {
                throw new IllegalArgumentException("matrix is not square: row " + i + " has " + a[i].length
                        + " values, not " + n);
            }
            for (int j = 0; j < n; j++) {
                m[i][j] = (a[i][j] + a[j][i]) / 2;
                norm += m[i][j] * m[i][j];
            }
            v[i][i] = 1;
        }
        if (!Double.isFinite(norm)) {
            throw new IllegalArgumentException("matrix has values that are not finite");
        }
        double floor = 1e-18 * Math.sqrt(norm);
        for (int sweep = 0;; sweep++) {
            if (sweep == MAX_SWEEPS) {
                throw new ArithmeticException("Jacobi eigendecomposition did not converge in " + MAX_SWEEPS
                        + " sweeps");
            }
            boolean rotated = false;
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    rotated |= rotate(m, v, p, q, floor);
                }
            }
            if (!rotated) {
                break;
            }
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = m[i][i];
        }
        return new SymmetricEigen(values, v);
    }

    /** {@code V diag(sqrt(max(values, 0))) V^T}: the square root of a positive semi-definite matrix. */
    double[][] sqrtPositive() {
        int n = values.length;
        double[] roots = new double[n];
        for (int j = 0; j < n; j++) {
            roots[j] = Math.sqrt(Math.max(values[j], 0));
        }
        double[][] r = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = i; k < n; k++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += vectors[i][j] * roots[j] * vectors[k][j];
                }
                r[i][k] = s;
                r[k][i] = s;
            }
        }
        return r;
    }

    /**
     * Zeroes m[p][q] by {@code m <- J^T m J}, {@code v <- v J} (Numerical Recipes' choice of the
     * angle); an element negligible against its diagonal (relative test of Demmel and Veselic) or
     * against {@code floor} is set to 0 without a rotation. Returns whether it rotated.
     */
    private static boolean rotate(double[][] m, double[][] v, int p, int q, double floor) {
        double apq = m[p][q];
        if (Math.abs(apq) <= floor || Math.abs(apq) <= EPSILON * Math.sqrt(Math.abs(m[p][p] * m[q][q]))) {
            m[p][q] = 0;
            m[q][p] = 0;
            return false;
        }
        double theta = (m[q][q] - m[p][p]) / (2 * apq);
        double t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        int n = m.length;
        for (int k = 0; k < n; k++) {
            double kp = m[k][p];
            double kq = m[k][q];
            m[k][p] = c * kp - s * kq;
            m[k][q] = s * kp + c * kq;
        }
        for (int k = 0; k < n; k++) {
            double pk = m[p][k];
            double qk = m[q][k];
            m[p][k] = c * pk - s * qk;
            m[q][k] = s * pk + c * qk;
        }
        m[p][q] = 0;
        m[q][p] = 0;
        for (int k = 0; k < n; k++) {
            double kp = v[k][p];
            double kq = v[k][q];
            v[k][p] = c * kp - s * kq;
            v[k][q] = s * kp + c * kq;
        }
        return true;
    }
}
