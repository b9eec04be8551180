package org.hifill.model.weights.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Round-trips float tensors through a checkpoint written by TensorFlow Java 1.1.0's own saver
 * and compares what {@link TfCheckpoint} reads with the values TensorFlow was given.
 */
class TensorFlowWrittenCheckpointTest {

    /** TensorFlow's table writer cuts data blocks at 256 KiB (tensorflow/core/lib/io/table_options.h). */
    private static final long TABLE_BLOCK_SIZE = 256 * 1024;
    /** Long, distinct names make 200 index entries outgrow one block; prefix compression cannot shrink them. */
    private static final String LONG_SUFFIX = "_long_name_to_fill_index_blocks".repeat(45);
    private static final int MANY = 200;

    @TempDir
    static Path dir;
    private static Path prefix;
    private static final Map<String, Tensor> written = new LinkedHashMap<>();

    private record Tensor(long[] shape, float[] values) {
    }

    @BeforeAll
    static void writeWithTensorFlow() {
        Random random = new Random(20_200_315);
        written.put("scalar", tensor(random, new long[0]));
        written.put("bias", tensor(random, new long[] {7}));
        written.put("generator/conv/w", tensor(random, new long[] {3, 3, 4, 2}));
        written.put("edge_values", new Tensor(new long[] {8}, new float[] {-0.0f, Float.MIN_VALUE,
                Float.MAX_VALUE, -Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, 1e-38f}));
        for (int i = 0; i < MANY; i++) {
            written.put(String.format("many/v%03d", i) + LONG_SUFFIX, tensor(random, new long[] {1 + i % 3, 2}));
        }
        prefix = dir.resolve("model.ckpt");
        try (TensorFlowWriter writer = new TensorFlowWriter()) {
            written.forEach((name, t) -> writer.floats(name, t.shape, t.values));
            writer.ints("step", new int[] {1, 2, 3}).save(prefix);
        }
    }

    @Test
    void indexSpansSeveralDataBlocks() throws IOException {
        assertThat(Files.size(Path.of(prefix + ".index"))).isGreaterThan(TABLE_BLOCK_SIZE);
    }

    @Test
    void namesAndShapesMatchWhatTensorFlowWasGiven() throws IOException {
        List<String> names = new ArrayList<>(written.keySet());
        names.add("step");
        try (TfCheckpoint checkpoint = TfCheckpoint.open(prefix)) {
            assertThat(checkpoint.entries()).extracting(TensorEntry::name)
                    .isSorted()
                    .containsExactlyInAnyOrderElementsOf(names);
            written.forEach((name, t) -> {
                TensorEntry entry = checkpoint.entry(name).orElseThrow();
                assertThat(entry.dtype()).as(name).isEqualTo(TfDataType.DT_FLOAT);
                assertThat(entry.shape()).as(name).containsExactly(t.shape);
                assertThat(entry.size()).as(name).isEqualTo(4L * t.values.length);
            });
            assertThat(checkpoint.entry("scalar").orElseThrow().shapeString()).isEmpty();
            assertThat(checkpoint.entry("generator/conv/w").orElseThrow().shapeString()).isEqualTo("3x3x4x2");
            assertThat(checkpoint.entry("step").orElseThrow().dtype()).isEqualTo(TfDataType.DT_INT32);
        }
    }

    @Test
    void readFloatsReturnsTheExactBitsTensorFlowWrote() throws IOException {
        try (TfCheckpoint checkpoint = TfCheckpoint.open(prefix)) {
            for (Map.Entry<String, Tensor> e : written.entrySet()) {
                assertThat(bits(checkpoint.readFloats(e.getKey()))).as(e.getKey())
                        .containsExactly(bits(e.getValue().values));
            }
        }
    }

    @Test
    void storedCrc32cIsTheMaskedCrc32cOfTheTensorBytes() throws IOException {
        byte[] data = Files.readAllBytes(Path.of(prefix + ".data-00000-of-00001"));
        try (TfCheckpoint checkpoint = TfCheckpoint.open(prefix)) {
            for (TensorEntry entry : checkpoint.entries()) {
                CRC32C crc = new CRC32C();
                crc.update(data, (int) entry.offset(), (int) entry.size());
                int raw = (int) crc.getValue();
                int masked = ((raw >>> 15) | (raw << 17)) + 0xa282ead8;
                assertThat(entry.crc32c()).as(entry.name()).isEqualTo(masked).isNotEqualTo(raw);
            }
        }
    }

    @Test
    void readFloatsRejectsNonFloatAndUnknownTensorsNamingTheIndex() throws IOException {
        try (TfCheckpoint checkpoint = TfCheckpoint.open(prefix)) {
            assertThatThrownBy(() -> checkpoint.readFloats("step"))
                    .isInstanceOf(CheckpointFormatException.class)
                    .hasMessageContaining(prefix + ".index")
                    .hasMessageContaining("DT_INT32");
            assertThatThrownBy(() -> checkpoint.readFloats("no/such/tensor"))
                    .isInstanceOf(CheckpointFormatException.class)
                    .hasMessageContaining(prefix + ".index")
                    .hasMessageContaining("missing tensor 'no/such/tensor'");
        }
    }

    private static Tensor tensor(Random random, long[] shape) {
        float[] values = new float[(int) Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return new Tensor(shape, values);
    }

    private static int[] bits(float[] values) {
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToRawIntBits(values[i]);
        }
        return bits;
    }
}
