package org.hifill.model.weights.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assumptions;

/**
 * Reads the index of the authors' released Places2 checkpoint (written by TensorFlow 1.x) and
 * compares it with {@code variables.tsv}, the listing made from that checkpoint with TensorFlow.
 */
class OfficialCheckpointIndexTest {

    private Path dir;

    @BeforeEach
    void locateSharedReference() {
        Path shared = Path.of(System.getProperty("hifill.shared", "../shared"));
        dir = shared.resolve("reference/official-checkpoint");
        Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("places2.index")),
                shared + "/reference/official-checkpoint/places2.index absent: skipping official checkpoint test");
    }

    @Test
    void everyEntryMatchesTheTensorFlowListingInVariablesTsv() throws IOException {
        List<String> expected = Files.readAllLines(dir.resolve("variables.tsv")).stream()
                .skip(1) // header: name dtype shape_tf elements offset bytes
                .filter(line -> !line.isBlank())
                .sorted()
                .toList();

        try (TfCheckpoint checkpoint = TfCheckpoint.open(dir.resolve("places2"))) {
            List<String> actual = checkpoint.entries().stream()
                    .map(e -> String.join("\t", e.name(), tsvDtype(e.dtype()), e.shapeString(),
                            Long.toString(e.elementCount()), Long.toString(e.offset()), Long.toString(e.size())))
                    .collect(Collectors.toList());

            assertThat(actual).hasSize(206).containsExactlyElementsOf(expected);
            assertThat(checkpoint.entries()).allSatisfy(e -> assertThat(e.shardId()).isZero());
        }
    }

    @Test
    void readingWithoutTheDataFileNamesTheMissingFile() throws IOException {
        try (TfCheckpoint checkpoint = TfCheckpoint.open(dir.resolve("places2"))) {
            Path missing = dir.resolve("places2.data-00000-of-00001");
            assertThatThrownBy(() -> checkpoint.readFloats("discriminator/conv1/w"))
                    .isInstanceOf(CheckpointFormatException.class)
                    .hasMessageContaining(missing.toString())
                    .hasMessageContaining("missing data file");
        }
    }

    private static String tsvDtype(TfDataType dtype) {
        return dtype == TfDataType.DT_FLOAT ? "float32" : dtype.name();
    }
}
