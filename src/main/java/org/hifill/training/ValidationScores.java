package org.hifill.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.Locale;
import org.hifill.model.generator.GeneratorOutput;
import org.hifill.model.generator.HiFillGenerator;
import org.hifill.training.data.Batch;
import org.hifill.training.data.ValidationSet;

/**
 * How well the generator fills the validation holes, on the 0..255 scale of the photos.
 *
 * @param holeL1 mean absolute error of the pasted output over the hole's pixels and channels
 * @param psnr peak signal-to-noise ratio (dB) of the pasted output over whole crops
 */
public record ValidationScores(double holeL1, double psnr) {

    /** The header line of {@code validation.csv}. */
    public static final String CSV_HEADER = "step,hole_l1,psnr";

    private static final double HALF_RANGE = 127.5;

    /** Runs the generator (inference mode) over the validation set. */
    public static ValidationScores evaluate(HiFillGenerator generator, ParameterStore ps, ValidationSet set,
            int batchSize, NDManager manager) {
        double holeError = 0;
        double holeValues = 0;
        double squaredError = 0;
        double values = 0;
        for (Batch batch : set.batches(batchSize)) {
            try (NDManager scope = manager.newSubManager()) {
                NDArray real = batch.imageArray(scope);
                NDArray mask = batch.maskArray(scope);
                NDArray pasted = GeneratorOutput.of(generator.forward(ps, new NDList(real, mask), false)).pasted();
                NDArray error = real.sub(pasted);
                holeError += error.abs().mul(mask).sum().getFloat();
                holeValues += 3 * mask.sum().getFloat();
                squaredError += error.square().sum().getFloat();
                values += error.size();
            }
        }
        double mse = squaredError / values * HALF_RANGE * HALF_RANGE;
        return new ValidationScores(holeError / Math.max(1, holeValues) * HALF_RANGE, 10 * Math.log10(255 * 255 / mse));
    }

    /** The line of {@code validation.csv} for step {@code step}. */
    public String csvRow(long step) {
        return String.format(Locale.ROOT, "%d,%s,%s", step, holeL1, psnr);
    }
}
