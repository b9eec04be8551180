package org.hifill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hifill.model.weights.CheckpointImporter;
import org.hifill.model.weights.ModelDirectory;
import org.hifill.model.weights.ModelManifest;
import org.hifill.model.weights.RandomGeneratorCheckpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code hifill import} end to end through {@link HifillCli#commandLine()}, on a checkpoint
 * written by TensorFlow Java with random values for every generator variable: exit codes, what
 * is printed, and the model directory written.
 */
class ImportCommandTest {

    @TempDir
    static Path checkpointDir;
    private static Path prefix;

    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void writeCheckpoint() {
        prefix = checkpointDir.resolve("0");
        RandomGeneratorCheckpoint.write(RandomGeneratorCheckpoint.generatorTensors(3), prefix);
    }

    @Test
    void importsTheIndexFileGivenAsPrefixAndPrintsOneSummaryLine() throws IOException {
        Path model = dir.resolve("model");

        assertThat(run("import", prefix + ".index", "-o", model.toString())).isEqualTo(0);

        assertThat(err.toString()).isEmpty();
        assertThat(out.toString().lines()).singleElement().asString()
                .startsWith("imported 192 tensors (")
                .endsWith(" parameters) into " + model);
        ModelManifest manifest = ModelDirectory.readManifest(model);
        assertThat(manifest.provenance().source()).isEqualTo(CheckpointImporter.SOURCE);
        assertThat(manifest.provenance().data()).isEqualTo("Places2 (authors' release)");
    }

    @Test
    void refusesANonEmptyModelDirectoryUnlessForced() throws IOException {
        Path model = Files.createDirectories(dir.resolve("model"));
        Files.writeString(model.resolve("notes.txt"), "keep");

        assertThat(run("import", prefix.toString(), "-o", model.toString())).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("hifill: " + model + ": not empty; use --force to replace the model there"
                + System.lineSeparator());
        assertThat(model.resolve(ModelDirectory.MANIFEST)).doesNotExist();

        assertThat(run("import", prefix.toString(), "-o", model.toString(), "--force", "--data", "my photos"))
                .isEqualTo(0);
        assertThat(ModelDirectory.readManifest(model).provenance().data()).isEqualTo("my photos");
    }

    @Test
    void badPrefixFailsWithOneLineOnStderrAndNoStackTrace() {
        Path missing = dir.resolve("nothing/0");

        assertThat(run("import", missing.toString(), "-o", dir.resolve("model").toString())).isEqualTo(1);

        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().lines()).singleElement().asString()
                .isEqualTo("hifill: " + missing + ".index: missing index file");
        assertThat(dir.resolve("model")).doesNotExist();
    }

    @Test
    void prefixMayBeGivenWithOrWithoutTheIndexSuffix() {
        assertThat(ImportCommand.prefixOf(Path.of("ckpt/0.index"))).isEqualTo(Path.of("ckpt/0"));
        assertThat(ImportCommand.prefixOf(Path.of("ckpt/0"))).isEqualTo(Path.of("ckpt/0"));
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cli = HifillCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
