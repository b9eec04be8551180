package org.hifill.training;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.hifill.training.loss.ReconstructionLoss.Weighting;

/**
 * How a training run works; stored as JSON in the checkpoint, and read with {@code --config FILE}
 * (fields left out keep their defaults, {@link #defaults()}).
 *
 * @param cropSize side of the square training crops, a multiple of 64 (default 256: the paper's 512
 *     is four times the work per step, too much for a 2-core CPU)
 * @param batchSize crops per batch (default 2: the release's 4 and the paper's 8 are 2x and 4x the
 *     time per step on a CPU; each discriminator step and the generator step take a batch of their own)
 * @param discriminatorSteps critic updates per generator update (release 3, paper 5); 0 trains the
 *     generator on the reconstruction loss alone (no critic, no adversarial term), the cheap
 *     pre-training that the default model's short CPU budget uses
 * @param weighting the reconstruction loss's weighting and adversarial weight beta (RELEASE or PAPER)
 * @param learningRate Adam's learning rate, for both networks
 * @param seed every random choice (initial weights, batches, masks, penalty interpolation) derives from it
 * @param baseWidth the generator's base width when it is not initialised from a model (32 released)
 * @param validationInterval generator steps between validations
 * @param checkpointInterval generator steps between checkpoints
 * @param loaderThreads threads building batches
 * @param initialisation how a new generator's kernels start: FAN_IN (default, see
 *     {@link FanInInitialisation}) or RELEASE (the release's truncated normal of deviation 0.05)
 */
public record TrainingConfig(
        int cropSize,
        int batchSize,
        int discriminatorSteps,
        Weighting weighting,
        float learningRate,
        long seed,
        int baseWidth,
        int validationInterval,
        int checkpointInterval,
        int loaderThreads,
        Initialisation initialisation) {

    /** How a new generator's convolution kernels are initialised. */
    public enum Initialisation { FAN_IN, RELEASE }

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    public TrainingConfig {
        if (cropSize < 64 || cropSize % 64 != 0) {
            throw new IllegalArgumentException("training config: cropSize must be a positive multiple of 64, not " + cropSize);
        }
        requirePositive("batchSize", batchSize);
        if (discriminatorSteps < 0) {
            throw new IllegalArgumentException("training config: discriminatorSteps must be 0 or more, not "
                    + discriminatorSteps);
        }
        requirePositive("validationInterval", validationInterval);
        requirePositive("checkpointInterval", checkpointInterval);
        requirePositive("loaderThreads", loaderThreads);
        if (initialisation == null) {
            throw new IllegalArgumentException("training config: initialisation must be FAN_IN or RELEASE");
        }
        if (weighting == null) {
            throw new IllegalArgumentException("training config: weighting must be RELEASE or PAPER");
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("training config: learningRate must be positive, not " + learningRate);
        }
        if (baseWidth < 4 || baseWidth % 4 != 0) {
            throw new IllegalArgumentException("training config: baseWidth must be a positive multiple of 4, not " + baseWidth);
        }
    }

    public static TrainingConfig defaults() {
        return new TrainingConfig(256, 2, 3, Weighting.RELEASE, Adam.DEFAULT_LEARNING_RATE, 1, 32, 500, 1000, 2,
                Initialisation.FAN_IN);
    }

    /** This configuration with other crops, batches and critic updates per step. */
    public TrainingConfig withSteps(int crop, int batch, int criticSteps) {
        return new TrainingConfig(crop, batch, criticSteps, weighting, learningRate, seed, baseWidth,
                validationInterval, checkpointInterval, loaderThreads, initialisation);
    }

    /** Reads a configuration file; fields it leaves out keep their defaults. */
    public static TrainingConfig read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IOException(file + ": cannot read the training config (" + e.getClass().getSimpleName() + ")", e);
        }
        try {
            JsonObject merged = GSON.toJsonTree(defaults()).getAsJsonObject();
            for (Map.Entry<String, JsonElement> field : JsonParser.parseString(text).getAsJsonObject().entrySet()) {
                if (!merged.has(field.getKey())) {
                    throw new IllegalArgumentException("unknown field '" + field.getKey() + "'");
                }
                merged.add(field.getKey(), field.getValue());
            }
            return GSON.fromJson(merged, TrainingConfig.class);
        } catch (RuntimeException e) {
            throw new IOException(file + ": not a valid training config (" + rootMessage(e) + ")", e);
        }
    }

    public String toJson() {
        return GSON.toJson(this);
    }

    /** Writes the configuration as JSON. */
    public void write(Path file) throws IOException {
        Files.writeString(file, toJson());
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("training config: " + name + " must be at least 1, not " + value);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
