package org.hifill.model.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.hifill.model.weights.RandomGeneratorCheckpoint.Tensor;
import org.hifill.model.weights.checkpoint.CheckpointFormatException;
import org.hifill.model.weights.checkpoint.TensorFlowWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints written by TensorFlow Java that are not the released generator, or are missing a
 * file: each import fails with one line naming the file and the problem, and the (empty) model
 * directory stays empty.
 */
class CheckpointImporterRefusalTest {

    private static final String NOT_RELEASED = "not the released HiFill generator: ";

    @TempDir
    static Path shared;
    private static Map<String, Tensor> generator;
    private static Path complete;

    @TempDir
    Path dir;
    private Path prefix;
    private Path index;
    private Path modelDir;

    @BeforeAll
    static void writeCompleteCheckpoint() {
        generator = RandomGeneratorCheckpoint.generatorTensors(7);
        complete = shared.resolve("0");
        RandomGeneratorCheckpoint.write(generator, complete);
    }

    @BeforeEach
    void emptyModelDir() throws IOException {
        prefix = dir.resolve("ckpt/0");
        index = Path.of(prefix + ".index");
        modelDir = Files.createDirectories(dir.resolve("model"));
    }

    @Test
    void missingVariableIsNamed() throws IOException {
        Map<String, Tensor> tensors = new LinkedHashMap<>(generator);
        tensors.remove("generator/re_dil_d1/w");
        RandomGeneratorCheckpoint.write(tensors, prefix);

        assertRefused().isInstanceOf(ModelFormatException.class)
                .hasMessage(index + ": " + NOT_RELEASED + "generator/re_dil_d1/w is missing");
    }

    @Test
    void misshapedVariableIsNamedWithFoundAndExpectedShapes() throws IOException {
        Map<String, Tensor> tensors = new LinkedHashMap<>(generator);
        tensors.put("generator/re_dil_d1/w", RandomGeneratorCheckpoint.gaussian(new Random(1), 3, 3, 64, 128));
        RandomGeneratorCheckpoint.write(tensors, prefix);

        assertRefused().isInstanceOf(ModelFormatException.class).hasMessage(index + ": " + NOT_RELEASED
                + "generator/re_dil_d1/w has shape 3x3x64x128, expected 3x3x128x128");
    }

    @Test
    void nonFloatVariableIsNamedWithItsDtype() throws IOException {
        Map<String, Tensor> tensors = new LinkedHashMap<>(generator);
        tensors.remove("generator/c_en_down_128_gate/biases");
        try (TensorFlowWriter writer = new TensorFlowWriter()) {
            RandomGeneratorCheckpoint.addAll(writer, tensors)
                    .ints("generator/c_en_down_128_gate/biases", new int[] {7})
                    .save(prefix);
        }

        assertRefused().isInstanceOf(ModelFormatException.class).hasMessage(index + ": " + NOT_RELEASED
                + "generator/c_en_down_128_gate/biases has dtype DT_INT32, expected DT_FLOAT");
    }

    @Test
    void severalProblemsAreCountedAndTheFirstInGeneratorOrderNamed() throws IOException {
        Map<String, Tensor> tensors = new LinkedHashMap<>(generator);
        tensors.remove("generator/c_en_conv_128_feat/biases");
        tensors.remove("generator/re_dil_d1/biases");
        tensors.put("generator/re_dil_d1/w", RandomGeneratorCheckpoint.gaussian(new Random(1), 3, 3, 64, 128));
        RandomGeneratorCheckpoint.write(tensors, prefix);

        assertRefused().isInstanceOf(ModelFormatException.class).hasMessage(index + ": " + NOT_RELEASED
                + "3 problems; first: generator/c_en_conv_128_feat/biases is missing");
    }

    @Test
    void missingDataFileIsNamed() throws IOException {
        Files.createDirectories(prefix.getParent());
        Files.copy(Path.of(complete + ".index"), index);

        assertRefused().isInstanceOf(CheckpointFormatException.class)
                .hasMessageStartingWith(prefix + ".data-00000-of-00001: missing data file");
    }

    @Test
    void missingIndexIsNamed() throws IOException {
        Files.createDirectories(prefix.getParent());
        Files.copy(Path.of(complete + ".data-00000-of-00001"), Path.of(prefix + ".data-00000-of-00001"));

        assertRefused().isInstanceOf(CheckpointFormatException.class)
                .hasMessage(index + ": missing index file");
    }

    /** Imports {@link #prefix}, expecting a one-line failure that leaves the model directory empty. */
    private AbstractThrowableAssert<?, ? extends Throwable> assertRefused() throws IOException {
        var refusal = assertThatThrownBy(() -> CheckpointImporter.importInto(prefix, modelDir, "data"))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        try (Stream<Path> written = Files.list(modelDir)) {
            assertThat(written).as("files written to the model directory").isEmpty();
        }
        return refusal;
    }
}
