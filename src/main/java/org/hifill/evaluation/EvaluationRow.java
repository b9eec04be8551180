package org.hifill.evaluation;

/**
 * One method on one photo at one size: a row of {@code results.csv}.
 *
 * @param size the evaluation size (long side)
 * @param width the scaled photo's width
 * @param height the scaled photo's height
 * @param holePercent share of the scaled photo that is hole
 * @param scores {@link Scores#NONE} unless the method gave a result
 */
record EvaluationRow(String image, int size, int width, int height, double holePercent, String method,
        Outcome outcome, Scores scores) {

    boolean ok() {
        return outcome.status() == Outcome.Status.OK;
    }
}
