package org.hifill.model.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hifill.model.generator.GeneratorConfig;
import org.hifill.model.generator.HiFillGenerator;
import org.hifill.model.weights.checkpoint.TensorEntry;
import org.hifill.model.weights.checkpoint.TfCheckpoint;
import org.hifill.model.weights.checkpoint.TfDataType;

/**
 * Converts the generator of a TensorFlow checkpoint (the authors publish {@code 0.index} and
 * {@code 0.data-00000-of-00001}) into a native model of the released configuration, in RGB
 * order ({@link BgrToRgb}). The generator's variable list drives the import, so discriminator
 * and optimiser variables in the checkpoint are ignored. Every variable is checked, and every
 * tensor read, before anything is written.
 */
public final class CheckpointImporter {

    /** Provenance source of imported models. */
    public static final String SOURCE = "imported-tf-checkpoint";
    /** Training data of the authors' released checkpoint. */
    public static final String RELEASED_DATA = "Places2 (authors' release)";

    private CheckpointImporter() {}

    /** What an import wrote. */
    public record Summary(int tensors, long parameters, Path modelDir) {}

    /**
     * Imports the checkpoint at {@code prefix} and saves it as a model directory (created if
     * missing; a model already there is replaced).
     *
     * @param data the training data recorded in the provenance
     * @throws IOException naming the checkpoint file and the problem, with nothing written
     */
    public static Summary importInto(Path prefix, Path modelDir, String data) throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            HiFillGenerator generator = read(prefix, manager);
            Provenance provenance = new Provenance(SOURCE, 0, data, Instant.now().toString(),
                    "TensorFlow checkpoint " + prefix.toAbsolutePath() + "; colour channels permuted from BGR to RGB");
            ModelDirectory.save(generator, provenance, modelDir);
            return new Summary(generator.tfVariables().size(), ModelDirectory.parameterCount(generator), modelDir);
        }
    }

    /**
     * Reads the checkpoint's generator variables into a generator of the released configuration
     * on {@code manager}.
     *
     * @throws ModelFormatException naming the index file when variables are missing, not float or
     *     mis-shaped (the first problem and how many there are)
     * @throws IOException naming the file when the checkpoint itself is missing or damaged
     */
    public static HiFillGenerator read(Path prefix, NDManager manager) throws IOException {
        try (TfCheckpoint checkpoint = TfCheckpoint.open(prefix)) {
            HiFillGenerator generator = ModelDirectory.initialise(GeneratorConfig.released(), manager);
            List<TfVariable> vars = generator.tfVariables();
            checkVariables(checkpoint, vars);
            for (TfVariable v : vars) {
                copy(checkpoint, v, manager);
            }
            return generator;
        }
    }

    private static void checkVariables(TfCheckpoint checkpoint, List<TfVariable> vars) throws ModelFormatException {
        List<String> problems = new ArrayList<>();
        for (TfVariable v : vars) {
            problem(checkpoint.entry(v.tfName()), v).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            String summary = problems.size() == 1
                    ? problems.get(0)
                    : problems.size() + " problems; first: " + problems.get(0);
            throw new ModelFormatException(Path.of(checkpoint.prefix() + ".index"),
                    "not the released HiFill generator: " + summary);
        }
    }

    private static Optional<String> problem(Optional<TensorEntry> found, TfVariable v) {
        if (found.isEmpty()) {
            return Optional.of(v.tfName() + " is missing");
        }
        TensorEntry entry = found.get();
        if (entry.dtype() != TfDataType.DT_FLOAT) {
            return Optional.of(v.tfName() + " has dtype " + entry.dtype() + ", expected " + TfDataType.DT_FLOAT);
        }
        if (!new Shape(entry.shape()).equals(v.tfShape())) {
            String shape = entry.shape().length == 0 ? "[] (a scalar)" : entry.shapeString();
            return Optional.of(v.tfName() + " has shape " + shape + ", expected " + TfVariable.formatShape(v.tfShape()));
        }
        return Optional.empty();
    }

    private static void copy(TfCheckpoint checkpoint, TfVariable v, NDManager manager) throws IOException {
        float[] values = checkpoint.readFloats(v.tfName());
        try (NDManager scratch = manager.newSubManager()) {
            NDArray tf = scratch.create(values, v.tfShape());
            v.layout().toEngine(BgrToRgb.apply(v.tfName(), tf)).copyTo(v.parameter().getArray());
        }
    }
}
