package org.hifill.training.loss;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import org.hifill.ResidentMemory;
import org.hifill.model.discriminator.Discriminator;
import org.junit.jupiter.api.Test;

/**
 * A long loop of critic steps (scores of real and fake images, gradient penalty, backward pass),
 * each in its own NDManager scope, leaves no array behind in the long-lived manager and keeps the
 * process's resident memory flat.
 */
class CriticStepNativeMemoryTest {

    private static final int WARMUP = 30;
    private static final int STEPS = 200;

    @Test
    void repeatedCriticStepsLeaveNoArraysAndFlatResidentMemory() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            Shape images = new Shape(2, 3, 64, 64);
            Discriminator critic = new Discriminator(64);
            critic.initialize(manager, DataType.FLOAT32, images);
            ParameterStore ps = new ParameterStore(manager, false);
            NDArray real = manager.randomUniform(-1, 1, images);
            NDArray fake = manager.randomUniform(-1, 1, images);
            int baseArrays = -1;
            long rssAfterWarmup = 0;
            for (int i = 0; i < WARMUP + STEPS; i++) {
                try (NDManager scope = manager.newSubManager();
                        GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    for (Parameter p : critic.getParameters().values()) {
                        JniUtils.zeroGrad((PtNDArray) p.getArray());
                    }
                    NDList inputs = new NDList(real, fake);
                    inputs.tempAttach(scope);
                    NDArray realScores = critic.forward(ps, new NDList(real), true).singletonOrThrow();
                    NDArray fakeScores = critic.forward(ps, new NDList(fake), true).singletonOrThrow();
                    NDArray penalty = GradientPenalty.compute(critic, ps, real, fake);
                    gc.backward(WganLosses.discriminator(realScores, fakeScores, penalty));
                }
                if (i == WARMUP - 1) {
                    baseArrays = ((BaseNDManager) manager).getManagedArrays().size();
                    rssAfterWarmup = ResidentMemory.kib();
                }
            }
            assertThat(((BaseNDManager) manager).getManagedArrays()).hasSize(baseArrays);
            long growthKib = ResidentMemory.kib() - rssAfterWarmup;
            System.out.printf("CriticStepNativeMemoryTest: resident memory %d KiB after %d steps, %+d KiB after %d more%n",
                    rssAfterWarmup, WARMUP, growthKib, STEPS);
            assertThat(growthKib).as("resident memory growth over %d steps, KiB", STEPS).isLessThan(128 * 1024);
        }
    }
}
