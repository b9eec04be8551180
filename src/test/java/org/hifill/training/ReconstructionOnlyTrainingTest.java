package org.hifill.training;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.io.IOException;
import java.util.Random;
import org.hifill.training.data.Batch;
import org.hifill.training.loss.ReconstructionLoss.Weighting;
import org.junit.jupiter.api.Test;

/** With no critic steps, a step updates the generator on the reconstruction loss alone. */
class ReconstructionOnlyTrainingTest {

    @Test
    void stepsWithoutCriticTrainTheGeneratorAndLeaveTheCriticAsItWas() throws IOException {
        TrainingConfig config = new TrainingConfig(64, 2, 0, Weighting.RELEASE, 1e-3f, 7, 8, 2, 3, 1,
                TrainingConfig.Initialisation.FAN_IN);
        Batch batch = TrainerNativeMemoryTest.randomBatch(new Random(5));
        try (NDManager manager = NDManager.newBaseManager()) {
            Trainer trainer = Trainer.start(config, manager, null);
            float[] critic = firstParameter(trainer.discriminator());
            float[] generator = firstParameter(trainer.generator());
            int[] batchesTaken = {0};

            StepLosses first = trainer.trainStep(() -> {
                batchesTaken[0]++;
                return batch;
            });
            StepLosses later = first;
            for (int i = 0; i < 20; i++) {
                later = trainer.trainStep(() -> batch);
            }

            assertThat(trainer.batchesPerStep()).isEqualTo(1);
            assertThat(batchesTaken[0]).isEqualTo(1);
            assertThat(first.critic()).isNaN();
            assertThat(first.adversarial()).isNaN();
            assertThat(first.criticSeconds()).isZero();
            assertThat(first.generator()).isFinite().isPositive();
            // The holes hold noise, which no fill predicts: the context term is what must fall.
            assertThat(later.context()).as("context L1 after 20 steps on one batch").isLessThan(first.context());
            assertThat(firstParameter(trainer.discriminator())).containsExactly(critic);
            assertThat(firstParameter(trainer.generator())).isNotEqualTo(generator);
        }
    }

    private static float[] firstParameter(Block block) {
        NDArray array = block.getParameters().get(0).getValue().getArray();
        return array.toFloatArray();
    }
}
