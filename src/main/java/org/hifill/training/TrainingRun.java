package org.hifill.training;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.hifill.image.PhotoWriter;
import org.hifill.image.WriteOptions;
import org.hifill.masks.MaskGenerator;
import org.hifill.masks.MaskSettings;
import org.hifill.masks.ObjectTemplates;
import org.hifill.masks.ProceduralObjects;
import org.hifill.model.generator.HiFillGenerator;
import org.hifill.model.weights.ModelDirectory;
import org.hifill.model.weights.Provenance;
import org.hifill.training.data.BatchLoader;
import org.hifill.training.data.LoaderOptions;
import org.hifill.training.data.PhotoDataset;
import org.hifill.training.data.RandomCrops;
import org.hifill.training.data.ValidationSet;

/**
 * A training run in a run folder: trains to a total number of steps, logging every step's losses
 * and timings to {@value #LOSSES}; validating every {@code validationInterval} steps into
 * {@value #VALIDATION}, with a picture of the validation samples in {@value #GRIDS}/ and the curves
 * redrawn ({@link TrainingCharts}) beside the plain baselines' scores ({@link Baselines}); and
 * saving a {@link Checkpoint} and the generator as a native model in {@value #MODEL} every
 * {@code checkpointInterval} steps and at the end.
 *
 * @param data folders of training photos
 * @param validation folders of validation photos (their centre crops, {@link ValidationSet})
 * @param runDir the run folder
 * @param steps the run's total number of generator steps
 * @param resume continue from the run folder's checkpoint (its configuration is the run's)
 * @param config the configuration of a new run
 * @param init a native model directory to start the generator from, or null for random weights
 * @param templates a folder of object mask templates ({@link ObjectTemplates}), or null for
 *     procedural object shapes
 */
public record TrainingRun(List<Path> data, List<Path> validation, Path runDir, long steps, boolean resume,
        TrainingConfig config, Path init, Path templates) {

    public static final String LOSSES = "losses.csv";
    public static final String VALIDATION = "validation.csv";
    public static final String MODEL = "model";
    public static final String GRIDS = "validation";

    /** What the run reports as it goes. */
    public interface Listener {
        /** Before the first step; {@code step} steps of {@code total} are done already. */
        void started(long step, long total);

        /** After each step. */
        void stepped(long step, StepLosses losses);
    }

    public TrainingRun {
        if (steps < 1) {
            throw new IllegalArgumentException("--steps must be at least 1, not " + steps);
        }
        if (resume && init != null) {
            throw new IllegalArgumentException("--init starts a new run; it cannot be combined with --resume");
        }
    }

    /** Runs to {@link #steps} and returns the trained generator's last validation scores. */
    public ValidationScores run(Listener listener) throws IOException {
        PhotoDataset photos = PhotoDataset.scan(data);
        PhotoDataset validationPhotos = validation.isEmpty() ? photos : PhotoDataset.scan(validation);
        if (!resume && Checkpoint.exists(runDir)) {
            throw new IllegalArgumentException(runDir + ": holds a training run already; continue it with --resume");
        }
        Files.createDirectories(runDir);
        try (NDManager manager = NDManager.newBaseManager()) {
            Trainer trainer = resume ? Checkpoint.load(runDir, manager) : Trainer.start(config, manager, initial(manager));
            TrainingConfig used = trainer.config();
            if (trainer.step() >= steps) {
                throw new IllegalArgumentException(runDir + ": the run is at step " + trainer.step()
                        + " already; give a larger --steps");
            }
            RandomCrops crops = new RandomCrops(used.cropSize());
            MaskGenerator masks = new MaskGenerator(
                    templates == null ? new ProceduralObjects() : ObjectTemplates.load(templates), MaskSettings.defaults());
            ValidationSet validationSet = ValidationSet.of(validationPhotos, crops, masks);
            Baselines.writeIfMissing(validationSet, runDir.resolve(Baselines.FILE));
            Files.createDirectories(runDir.resolve(GRIDS));
            CsvLog losses = CsvLog.open(runDir.resolve(LOSSES), StepLosses.CSV_HEADER, trainer.step());
            CsvLog scores = CsvLog.open(runDir.resolve(VALIDATION), ValidationScores.CSV_HEADER, trainer.step());
            LoaderOptions options = LoaderOptions.of(used.batchSize(), used.seed()).withThreads(used.loaderThreads());
            ValidationScores last = null;
            listener.started(trainer.step(), steps);
            try (BatchLoader loader = new BatchLoader(photos, crops, masks, options,
                    trainer.step() * trainer.batchesPerStep())) {
                while (trainer.step() < steps) {
                    StepLosses stepLosses = trainer.trainStep(loader::next);
                    long step = trainer.step();
                    losses.append(stepLosses.csvRow(step));
                    if (step % used.validationInterval() == 0 || step == steps) {
                        Validation validation = trainer.validate(validationSet);
                        last = validation.scores();
                        scores.append(last.csvRow(step));
                        PhotoWriter.write(validation.grid(),
                                runDir.resolve(GRIDS).resolve(String.format(Locale.ROOT, "step-%07d.png", step)),
                                WriteOptions.defaults());
                        TrainingCharts.draw(runDir);
                    }
                    if (step % used.checkpointInterval() == 0 || step == steps) {
                        Provenance provenance = provenance(step, used);
                        Checkpoint.save(trainer, runDir, provenance);
                        ModelDirectory.save(trainer.generator(), provenance, runDir.resolve(MODEL));
                    }
                    listener.stepped(step, stepLosses);
                }
            }
            return last;
        }
    }

    private HiFillGenerator initial(NDManager manager) throws IOException {
        return init == null ? null : ModelDirectory.load(init, manager).generator();
    }

    private Provenance provenance(long step, TrainingConfig used) {
        String folders = data.stream().map(Path::toString).collect(Collectors.joining(", "));
        return new Provenance("trained", step, folders, Instant.now().toString(), "hifill train: " + used.cropSize()
                + " px crops, batch " + used.batchSize() + ", " + used.discriminatorSteps() + " critic steps per step, "
                + used.weighting() + " weighting, seed " + used.seed() + (init == null ? "" : ", from " + init));
    }
}
