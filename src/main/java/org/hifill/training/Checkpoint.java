package org.hifill.training;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.hifill.model.discriminator.Discriminator;
import org.hifill.model.generator.HiFillGenerator;
import org.hifill.model.weights.ModelDirectory;
import org.hifill.model.weights.Provenance;

/**
 * A training run's state in {@code RUN_DIR/checkpoint/}: the generator (a native model
 * directory), the critic's parameters, both optimisers' states, the step and the configuration.
 * All randomness derives from (seed, step), so these restore the random state too.
 *
 * <p>Written whole into a hidden folder of its own, then made current by renaming a symbolic link
 * {@code checkpoint} over the previous one: the switch is one atomic rename, so a run interrupted
 * while writing leaves the previous checkpoint current, and the half-written folder, never
 * linked, is ignored (and removed by the next save).
 */
public final class Checkpoint {

    public static final String NAME = "checkpoint";

    private static final String PREFIX = "." + NAME + "-";
    private static final String GENERATOR = "generator";
    private static final String DISCRIMINATOR = "discriminator.params";
    private static final String GENERATOR_ADAM = "generator.adam";
    private static final String DISCRIMINATOR_ADAM = "discriminator.adam";
    private static final String CONFIG = "config.json";
    private static final String STEP = "step";

    private Checkpoint() {}

    /** Whether {@code runDir} has a checkpoint. */
    public static boolean exists(Path runDir) {
        return Files.isDirectory(runDir.resolve(NAME));
    }

    /** Saves the trainer's state as the run's current checkpoint. */
    public static void save(Trainer trainer, Path runDir, Provenance provenance) throws IOException {
        Path folder = runDir.resolve(PREFIX + trainer.step() + "-" + UUID.randomUUID());
        Files.createDirectories(folder);
        ModelDirectory.save(trainer.generator(), provenance, folder.resolve(GENERATOR));
        write(folder.resolve(DISCRIMINATOR), out -> trainer.discriminator().saveParameters(out));
        write(folder.resolve(GENERATOR_ADAM), out -> trainer.generatorOptimiser().save(out));
        write(folder.resolve(DISCRIMINATOR_ADAM), out -> trainer.discriminatorOptimiser().save(out));
        trainer.config().write(folder.resolve(CONFIG));
        Files.writeString(folder.resolve(STEP), Long.toString(trainer.step()));
        Path link = runDir.resolve(PREFIX + "link-" + UUID.randomUUID());
        Files.createSymbolicLink(link, folder.getFileName());
        Files.move(link, runDir.resolve(NAME), StandardCopyOption.ATOMIC_MOVE);
        removeStale(runDir, folder);
    }

    /** A trainer restored from the run's current checkpoint, its arrays on {@code manager}. */
    public static Trainer load(Path runDir, NDManager manager) throws IOException {
        Path folder = runDir.resolve(NAME);
        if (!Files.isDirectory(folder)) {
            throw new IOException(runDir + ": no checkpoint to resume from");
        }
        TrainingConfig config = TrainingConfig.read(folder.resolve(CONFIG));
        long step;
        try {
            step = Long.parseLong(Files.readString(folder.resolve(STEP)).trim());
        } catch (NumberFormatException e) {
            throw new IOException(folder.resolve(STEP) + ": not a step number", e);
        }
        HiFillGenerator generator = ModelDirectory.load(folder.resolve(GENERATOR), manager).generator();
        Discriminator discriminator = Trainer.newDiscriminator(config, manager);
        Adam generatorAdam = Adam.withLearningRate(manager, config.learningRate());
        Adam discriminatorAdam = Adam.withLearningRate(manager, config.learningRate());
        read(folder.resolve(DISCRIMINATOR), in -> discriminator.loadParameters(manager, in));
        read(folder.resolve(GENERATOR_ADAM), in -> generatorAdam.load(in, manager));
        read(folder.resolve(DISCRIMINATOR_ADAM), in -> discriminatorAdam.load(in, manager));
        return new Trainer(config, manager, generator, discriminator, generatorAdam, discriminatorAdam, step);
    }

    private interface Writing {
        void to(DataOutputStream out) throws IOException;
    }

    private interface Reading {
        void from(DataInputStream in) throws IOException, MalformedModelException;
    }

    private static void write(Path file, Writing writing) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            DataOutputStream data = new DataOutputStream(out);
            writing.to(data);
            data.flush();
        }
    }

    private static void read(Path file, Reading reading) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            reading.from(new DataInputStream(in));
        } catch (MalformedModelException | RuntimeException e) {
            throw new IOException(file + ": unreadable checkpoint part (" + e.getMessage() + ")", e);
        }
    }

    /** Removes every checkpoint folder and link but the current one. */
    private static void removeStale(Path runDir, Path current) throws IOException {
        List<Path> stale;
        try (Stream<Path> files = Files.list(runDir)) {
            stale = files.filter(p -> p.getFileName().toString().startsWith(PREFIX) && !p.equals(current)).toList();
        }
        for (Path path : stale) {
            deleteTree(path);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.isSymbolicLink(root) || !Files.isDirectory(root)) {
            Files.deleteIfExists(root);
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : paths) {
            Files.deleteIfExists(path);
        }
    }
}
