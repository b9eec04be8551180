package org.hifill.model.weights.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damages copies of a small checkpoint written by TensorFlow Java and checks each damage is
 * reported as a {@link CheckpointFormatException} whose message names the damaged file.
 */
class CorruptCheckpointTest {

    private static final int FOOTER_LENGTH = 48;
    private static final int BLOCK_TRAILER_LENGTH = 5;

    @TempDir
    static Path original;
    @TempDir
    Path copy;
    private Path prefix;
    private Path index;
    private Path data;

    @BeforeAll
    static void writeWithTensorFlow() {
        try (TensorFlowWriter writer = new TensorFlowWriter()) {
            writer.floats("generator/conv1/w", new long[] {3, 3, 4, 2}, new float[72])
                    .floats("generator/conv1/biases", new long[] {2}, new float[] {0.5f, -0.25f})
                    .save(original.resolve("ckpt"));
        }
    }

    @BeforeEach
    void copyCheckpoint() throws IOException {
        prefix = copy.resolve("ckpt");
        index = Path.of(prefix + ".index");
        data = Path.of(prefix + ".data-00000-of-00001");
        Files.copy(original.resolve("ckpt.index"), index);
        Files.copy(original.resolve("ckpt.data-00000-of-00001"), data);
    }

    @Test
    void undamagedCopyReads() throws IOException {
        try (TfCheckpoint checkpoint = TfCheckpoint.open(prefix)) {
            assertThat(checkpoint.readFloats("generator/conv1/biases")).containsExactly(0.5f, -0.25f);
        }
    }

    @Test
    void indexShorterThanTheFooterIsTruncated() throws IOException {
        Files.write(index, Arrays.copyOf(Files.readAllBytes(index), FOOTER_LENGTH - 1));
        assertOpenFails(index, "truncated file");
    }

    @Test
    void indexCutInHalfHasNoMagic() throws IOException {
        byte[] bytes = Files.readAllBytes(index);
        Files.write(index, Arrays.copyOf(bytes, bytes.length / 2));
        assertOpenFails(index, "bad magic");
    }

    @Test
    void indexWithAlteredMagicIsRejected() throws IOException {
        flipByte(index, Files.size(index) - 1);
        assertOpenFails(index, "bad magic");
    }

    @Test
    void flippedByteInAnIndexBlockFailsItsChecksum() throws IOException {
        flipByte(index, 5); // inside the first data block's first entry (the bundle header)
        assertOpenFails(index, "crc mismatch");
    }

    @Test
    void snappyCompressedBlockIsReportedAsUnsupported() throws IOException {
        // LevelDB writes the index block last, right before the footer; its trailer starts with the type byte.
        setByte(index, Files.size(index) - FOOTER_LENGTH - BLOCK_TRAILER_LENGTH, (byte) 1);
        assertOpenFails(index, "unsupported compression");
    }

    @Test
    void flippedByteInTheDataFileFailsTheTensorChecksum() throws IOException {
        try (TfCheckpoint checkpoint = TfCheckpoint.open(prefix)) {
            TensorEntry biases = checkpoint.entry("generator/conv1/biases").orElseThrow();
            flipByte(data, biases.offset() + 3);
            assertThatThrownBy(() -> checkpoint.readFloats("generator/conv1/biases"))
                    .isInstanceOf(CheckpointFormatException.class)
                    .hasMessageStartingWith(data.toString())
                    .hasMessageContaining("crc mismatch")
                    .hasMessageContaining("generator/conv1/biases");
        }
    }

    @Test
    void truncatedDataFileIsReported() throws IOException {
        try (TfCheckpoint checkpoint = TfCheckpoint.open(prefix)) {
            Files.write(data, Arrays.copyOf(Files.readAllBytes(data), 10));
            assertThatThrownBy(() -> checkpoint.readFloats("generator/conv1/w"))
                    .isInstanceOf(CheckpointFormatException.class)
                    .hasMessageStartingWith(data.toString())
                    .hasMessageContaining("truncated file");
        }
    }

    private void assertOpenFails(Path file, String problem) {
        assertThatThrownBy(() -> TfCheckpoint.open(prefix))
                .isInstanceOf(CheckpointFormatException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining(problem)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    private static void flipByte(Path file, long position) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        setByte(file, position, (byte) ~bytes[(int) position]);
    }

    private static void setByte(Path file, long position, byte value) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[(int) position] = value;
        Files.write(file, bytes);
    }
}
