package org.hifill.evaluation;

/**
 * Inception Score (Salimans et al. 2016): {@code exp(mean_i KL(p_i || p_marginal))}, with
 * {@code p_marginal} the mean of the rows. Ranges from 1 (every image gets the same prediction) to
 * the number of classes (confident predictions spread evenly over the classes).
 */
public final class InceptionScore {

    /** How far a row's sum may stray from 1: room for float softmax output, none for logits. */
    private static final double SUM_TOLERANCE = 1e-4;

    private InceptionScore() {
    }

    /**
     * The score of class probabilities, one row per image, over all rows at once (the usual
     * report splits the images into 10 groups and gives the mean and deviation of their scores;
     * callers can do that by passing each group). Terms with {@code p = 0} count as 0.
     */
    public static double fromProbabilities(double[][] p) {
        int n = p.length;
        if (n == 0) {
            throw new IllegalArgumentException("no predictions");
        }
        int k = p[0].length;
        double[] marginal = new double[k];
        for (int i = 0; i < n; i++) {
            if (p[i].length != k) {
                throw new IllegalArgumentException("row " + i + " has " + p[i].length + " classes, not " + k);
            }
            double sum = 0;
            for (int j = 0; j < k; j++) {
                if (!(p[i][j] >= 0)) {
                    throw new IllegalArgumentException("row " + i + " has a probability that is not >= 0: " + p[i][j]);
                }
                sum += p[i][j];
                marginal[j] += p[i][j];
            }
            if (Math.abs(sum - 1) > SUM_TOLERANCE) {
                throw new IllegalArgumentException("row " + i + " sums to " + sum + ", not 1: probabilities expected");
            }
        }
        for (int j = 0; j < k; j++) {
            marginal[j] /= n;
        }
        double klSum = 0;
        for (double[] row : p) {
            for (int j = 0; j < k; j++) {
                if (row[j] > 0) {
                    klSum += row[j] * Math.log(row[j] / marginal[j]);
                }
            }
        }
        return Math.exp(klSum / n);
    }
}
