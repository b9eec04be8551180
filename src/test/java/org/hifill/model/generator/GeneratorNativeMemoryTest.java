package org.hifill.model.generator;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import org.hifill.ResidentMemory;
import org.hifill.model.weights.ModelDirectory;
import org.junit.jupiter.api.Test;

/**
 * A long loop of forward passes, each in its own NDManager scope with the inputs attached to it
 * temporarily, leaves no array behind in the long-lived manager and keeps the process's resident
 * memory flat.
 */
class GeneratorNativeMemoryTest {

    /** Passes before measuring: the allocator's caches fill up during the first ones. */
    private static final int WARMUP = 30;
    private static final int PASSES = 60;

    @Test
    void repeatedScopedForwardPassesLeaveNoArraysAndFlatResidentMemory() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            HiFillGenerator generator = ModelDirectory.initialise(GeneratorConfig.released(), manager);
            NDArray image = manager.randomUniform(-1, 1, new Shape(1, 3, 128, 192));
            NDArray mask = manager.zeros(new Shape(1, 1, 128, 192));
            mask.set(new ai.djl.ndarray.index.NDIndex(":, :, 30:90, 40:100"), 1f);
            ParameterStore ps = new ParameterStore(manager, false);
            int baseArrays = -1;
            long rssAfterWarmup = 0;
            for (int i = 0; i < WARMUP + PASSES; i++) {
                try (NDManager scope = manager.newSubManager()) {
                    NDList inputs = new NDList(image, mask);
                    inputs.tempAttach(scope);
                    GeneratorOutput out = GeneratorOutput.of(generator.forward(ps, inputs, false));
                    assertThat(out.pasted().getShape()).isEqualTo(new Shape(1, 3, 128, 192));
                }
                if (i == WARMUP - 1) {
                    baseArrays = ((BaseNDManager) manager).getManagedArrays().size();
                    rssAfterWarmup = ResidentMemory.kib();
                }
            }
            assertThat(((BaseNDManager) manager).getManagedArrays()).hasSize(baseArrays);
            long growthKib = ResidentMemory.kib() - rssAfterWarmup;
            System.out.printf("GeneratorNativeMemoryTest: resident memory %d KiB after %d passes, %+d KiB after %d more%n",
                    rssAfterWarmup, WARMUP, growthKib, PASSES);
            // One pass at this size allocates over 10 MB; leaking it would add far more than 128 MB.
            assertThat(growthKib).as("resident memory growth over %d passes, KiB", PASSES).isLessThan(128 * 1024);
        }
    }
}
