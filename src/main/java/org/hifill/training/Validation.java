package org.hifill.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.awt.image.BufferedImage;
import org.hifill.model.generator.GeneratorOutput;
import org.hifill.model.generator.HiFillGenerator;
import org.hifill.training.data.Batch;
import org.hifill.training.data.ValidationSet;

/**
 * One validation pass of the generator (inference mode) over the validation set.
 *
 * @param scores its scores
 * @param grid the first {@value #GRID_ROWS} samples, stage by stage ({@link ValidationGrid})
 */
public record Validation(ValidationScores scores, BufferedImage grid) {

    static final int GRID_ROWS = 4;

    static Validation run(HiFillGenerator generator, ParameterStore ps, ValidationSet set, int batchSize,
            NDManager manager) {
        ValidationScores.Accumulator scores = new ValidationScores.Accumulator();
        ValidationGrid grid = new ValidationGrid(set.size(), Math.min(GRID_ROWS, set.samples().size()));
        for (Batch batch : set.batches(batchSize)) {
            try (NDManager scope = manager.newSubManager()) {
                NDArray real = batch.imageArray(scope);
                NDArray mask = batch.maskArray(scope);
                GeneratorOutput out = GeneratorOutput.of(generator.forward(ps, new NDList(real, mask), false));
                float[] pasted = out.pasted().toFloatArray();
                scores.add(batch.images(), pasted, batch.masks(), set.size() * set.size());
                grid.add(batch, out.coarse().toFloatArray(), out.refined().toFloatArray(), pasted);
            }
        }
        return new Validation(scores.scores(), grid.image());
    }
}
