package org.hifill.bench;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;
import org.hifill.image.PhotoWriter;
import org.hifill.image.WriteOptions;
import org.hifill.masks.MaskGenerator;
import org.hifill.masks.MaskSettings;
import org.hifill.masks.ProceduralObjects;
import org.hifill.training.StepLosses;
import org.hifill.training.Trainer;
import org.hifill.training.TrainingConfig;
import org.hifill.training.data.BatchLoader;
import org.hifill.training.data.LoaderOptions;
import org.hifill.training.data.PhotoDataset;
import org.hifill.training.data.RandomCrops;

/**
 * Times training steps as {@code hifill train} takes them: a new {@link Trainer} (random weights,
 * the configured crop size, batch and critic steps) fed by a {@link BatchLoader} over photos with
 * procedural object and stroke masks. Warm-up steps first, then timed steps; each step is timed
 * whole (wall clock around {@link Trainer#trainStep}) and split by the step's own timings into
 * waiting for data, critic updates and the generator update. Every step scopes its own arrays;
 * the trainer's manager is closed at the end.
 */
public final class TrainingBenchmark {

    /** Synthetic photos written when no data folder is given. */
    static final int SYNTHETIC_PHOTOS = 4;

    /**
     * Timed steps.
     *
     * @param config the training configuration the steps ran with
     * @param photos number of photos the batches were cut from
     * @param stepSeconds wall-clock seconds of each timed generator step, in order
     * @param dataSeconds waiting for batches, summed over the timed steps
     * @param criticSeconds critic updates, summed over the timed steps
     * @param generatorSeconds generator updates, summed over the timed steps
     */
    public record Result(TrainingConfig config, int photos, double[] stepSeconds, double dataSeconds,
            double criticSeconds, double generatorSeconds) {

        /** Median seconds per generator step. */
        public double medianStepSeconds() {
            double[] sorted = stepSeconds.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }

        public double minStepSeconds() {
            return Arrays.stream(stepSeconds).min().orElse(Double.NaN);
        }

        public double maxStepSeconds() {
            return Arrays.stream(stepSeconds).max().orElse(Double.NaN);
        }

        /** Wall-clock seconds of all timed steps. */
        public double totalSeconds() {
            return Arrays.stream(stepSeconds).sum();
        }

        /** Training crops consumed per second: {@code batch x (critic steps + 1)} per median step. */
        public double cropsPerSecond() {
            return config.batchSize() * (config.discriminatorSteps() + 1) / medianStepSeconds();
        }

        /** Crops the generator is updated on per second: {@code batch} per median step. */
        public double generatorImagesPerSecond() {
            return config.batchSize() / medianStepSeconds();
        }

        /** Share of the timed steps' wall-clock time spent waiting for batches. */
        public double dataShare() {
            return dataSeconds / totalSeconds();
        }

        /** Share spent in critic updates (their generator passes included). */
        public double criticShare() {
            return criticSeconds / totalSeconds();
        }

        /** Share spent in the generator update. */
        public double generatorShare() {
            return generatorSeconds / totalSeconds();
        }
    }

    private TrainingBenchmark() {}

    /** Runs {@code warmup} untimed and {@code steps} timed generator steps on batches of the photos. */
    public static Result run(TrainingConfig config, PhotoDataset photos, int warmup, int steps) throws IOException {
        if (steps < 1 || warmup < 0) {
            throw new IllegalArgumentException("steps must be at least 1 and warm-up steps not negative, not " + steps
                    + " and " + warmup);
        }
        RandomCrops crops = new RandomCrops(config.cropSize());
        MaskGenerator masks = new MaskGenerator(new ProceduralObjects(), MaskSettings.defaults());
        LoaderOptions options = LoaderOptions.of(config.batchSize(), config.seed()).withThreads(config.loaderThreads());
        double[] stepSeconds = new double[steps];
        double data = 0;
        double critic = 0;
        double generator = 0;
        try (NDManager manager = NDManager.newBaseManager();
                BatchLoader loader = new BatchLoader(photos, crops, masks, options)) {
            Trainer trainer = Trainer.start(config, manager, null);
            for (int i = -warmup; i < steps; i++) {
                long start = System.nanoTime();
                StepLosses losses = trainer.trainStep(loader::next);
                double seconds = (System.nanoTime() - start) / 1e9;
                if (i >= 0) {
                    stepSeconds[i] = seconds;
                    data += losses.dataSeconds();
                    critic += losses.criticSeconds();
                    generator += losses.generatorSeconds();
                }
            }
        }
        return new Result(config, photos.size(), stepSeconds, data, critic, generator);
    }

    /**
     * As {@link #run(TrainingConfig, PhotoDataset, int, int)} on a few synthetic photos (JPEG, twice
     * the crop size wide and one and a half times high, so crops are area-averaged down as from real
     * photos), written to a temporary folder that is deleted afterwards.
     */
    public static Result runSynthetic(TrainingConfig config, int warmup, int steps) throws IOException {
        Path dir = Files.createTempDirectory("hifill-bench-train");
        try {
            int size = config.cropSize();
            for (int i = 0; i < SYNTHETIC_PHOTOS; i++) {
                PhotoWriter.write(SyntheticPhoto.create(2 * size, 3 * size / 2, i + 1), dir.resolve("photo" + i + ".jpg"),
                        WriteOptions.defaults());
            }
            return run(config, PhotoDataset.scan(dir), warmup, steps);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }
}
