package org.hifill.training;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.util.Random;
import org.hifill.ResidentMemory;
import org.hifill.training.data.Batch;
import org.junit.jupiter.api.Test;

/**
 * A thousand training steps (critic and generator updates) at the tiny size leave no array behind in the long-lived manager and keep
 * the process's resident memory flat. Resident memory jumps by some 64 MB now and then and falls
 * back (the native allocator's arenas), so the end is the least of the last few readings: a leak
 * raises that too.
 */
class TrainerNativeMemoryTest {

    private static final int WARMUP = 50;
    private static final int STEPS = 1000;
    private static final int LAST_READINGS = 5;

    @Test
    void trainingStepsLeaveNoArraysAndFlatResidentMemory() throws IOException {
        Batch batch = randomBatch(new Random(3));
        try (NDManager manager = NDManager.newBaseManager()) {
            Trainer trainer = Trainer.start(TinyTraining.config(), manager, null);
            int baseArrays = -1;
            long rssAfterWarmup = 0;
            long rssAtEnd = Long.MAX_VALUE;
            for (int i = 0; i < WARMUP + STEPS; i++) {
                trainer.trainStep(() -> batch);
                if (i == WARMUP - 1) {
                    baseArrays = ((BaseNDManager) manager).getManagedArrays().size();
                    rssAfterWarmup = ResidentMemory.kib();
                }
                if (i >= WARMUP + STEPS - LAST_READINGS) {
                    rssAtEnd = Math.min(rssAtEnd, ResidentMemory.kib());
                }
            }
            assertThat(((BaseNDManager) manager).getManagedArrays()).hasSize(baseArrays);
            long growthKib = rssAtEnd - rssAfterWarmup;
            System.out.printf("TrainerNativeMemoryTest: resident memory %d KiB after %d steps, %+d KiB after %d more%n",
                    rssAfterWarmup, WARMUP, growthKib, STEPS);
            assertThat(growthKib).as("resident memory growth over %d steps, KiB", STEPS).isLessThan(128 * 1024);
        }
    }

    /** Two 64 x 64 crops of noise with a square hole each. */
    static Batch randomBatch(Random random) {
        int size = 64;
        float[] images = new float[2 * 3 * size * size];
        for (int i = 0; i < images.length; i++) {
            images[i] = random.nextFloat() * 2 - 1;
        }
        float[] masks = new float[2 * size * size];
        for (int y = 16; y < 40; y++) {
            for (int x = 20; x < 44; x++) {
                masks[y * size + x] = 1;
                masks[size * size + y * size + x] = 1;
            }
        }
        return new Batch(images, masks, size, 2);
    }
}
