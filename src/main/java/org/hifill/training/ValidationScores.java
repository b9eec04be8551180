package org.hifill.training;

import java.util.Locale;
import org.hifill.evaluation.HoleFill;
import org.hifill.training.data.ValidationSet;

/**
 * How well a fill matches the validation crops, on the 0..255 scale of the photos.
 *
 * @param holeL1 mean absolute error over the hole's pixels and channels
 * @param psnr peak signal-to-noise ratio (dB) over whole crops
 */
public record ValidationScores(double holeL1, double psnr) {

    /** The header line of {@code validation.csv}. */
    public static final String CSV_HEADER = "step,hole_l1,psnr";

    private static final double HALF_RANGE = 127.5;

    /** The scores of a plain fill on the validation set, computed as the generator's are. */
    public static ValidationScores of(HoleFill fill, ValidationSet set) {
        Accumulator scores = new Accumulator();
        int size = set.size();
        for (ValidationSet.Sample sample : set.samples()) {
            scores.add(sample.image(), fill.fill(sample.image(), sample.mask(), size, size), sample.mask(), size * size);
        }
        return scores.scores();
    }

    /** The line of {@code validation.csv} for step {@code step}. */
    public String csvRow(long step) {
        return String.format(Locale.ROOT, "%d,%s,%s", step, holeL1, psnr);
    }

    /**
     * Sums of errors over samples of {@code 3 x S x S} values in [-1, 1], packed one after another,
     * and their {@code S x S} masks (1 = hole), packed the same way.
     */
    static final class Accumulator {
        private double holeError;
        private double holeValues;
        private double squaredError;
        private double values;

        void add(float[] real, float[] filled, float[] masks, int plane) {
            if (filled.length != real.length || real.length != 3 * masks.length || masks.length % plane != 0) {
                throw new IllegalArgumentException("samples of " + real.length + " and " + filled.length
                        + " values do not fit masks of " + masks.length + " values in planes of " + plane);
            }
            for (int i = 0; i < real.length; i++) {
                double error = real[i] - filled[i];
                float hole = masks[(i / (3 * plane)) * plane + i % plane];
                holeError += Math.abs(error) * hole;
                holeValues += hole;
                squaredError += error * error;
            }
            values += real.length;
        }

        ValidationScores scores() {
            double mse = squaredError / values * HALF_RANGE * HALF_RANGE;
            return new ValidationScores(holeError / Math.max(1, holeValues) * HALF_RANGE,
                    10 * Math.log10(255 * 255 / mse));
        }
    }
}
