package org.hifill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hifill.model.generator.GeneratorConfig;
import org.hifill.model.weights.ModelDirectory;
import org.hifill.model.weights.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and messages of the command line, run in-process. */
class HifillCliTest {

    @Test
    void helpPrintsUsageAndExitsZero() {
        CliRun run = CliRun.of("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: hifill").contains("model").contains("bench");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void versionPrintsOneVersionLineAndExitsZero() {
        CliRun run = CliRun.of("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).singleElement().asString().matches("hifill \\S+");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void modelInfoOnAMissingDirectoryIsOneLineNamingThePath() {
        CliRun run = CliRun.of("model", "info", "--model", "/nonexistent");

        assertThat(run.exitCode()).isEqualTo(1);
        assertOneLineError(run).contains("/nonexistent");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void modelInfoOnASavedModelShowsItsArchitectureAndProvenance(@TempDir Path tmp) throws IOException {
        Path dir = saveHalfWidthModel(tmp);

        CliRun run = CliRun.of("model", "info", "--model", dir.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("model:        " + dir)
                .contains("base width 16")
                .contains("provenance:   random-init, 0 training steps");
    }

    @Test
    void modelInfoOnAManifestWithAnUnknownGateTypeIsAUserErrorNotAnInternalOne(@TempDir Path tmp)
            throws IOException {
        Path dir = saveHalfWidthModel(tmp);
        Path manifest = dir.resolve(ModelDirectory.MANIFEST);
        Files.writeString(manifest, Files.readString(manifest).replace("\"LWGC_PW\"", "\"LWGC_QQ\""));

        CliRun run = CliRun.of("model", "info", "--model", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertOneLineError(run).contains(manifest.toString()).contains("gate types");
    }

    @Test
    void modelInfoWithAnUnknownFormatIsAUsageError() {
        CliRun run = CliRun.of("model", "info", "--format", "bogus");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("--format").contains("bogus");
        assertThat(run.err().lines()).noneMatch(l -> l.startsWith("\tat "));
        assertThat(run.out()).isEmpty();
    }

    @Test
    void benchModelAtASizeThatIsNotAMultipleOf64IsOneLineAboutMultiplesOf64() {
        CliRun run = CliRun.of("bench", "model", "--size", "100", "--runs", "1", "--warmup", "0");

        assertThat(run.exitCode()).isEqualTo(1);
        assertOneLineError(run).contains("multiples of 64").contains("100");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void benchModelWithAMalformedSizeIsOneLine() {
        CliRun run = CliRun.of("bench", "model", "--size", "big");

        assertThat(run.exitCode()).isEqualTo(1);
        assertOneLineError(run).contains("--size 'big'");
    }

    private static Path saveHalfWidthModel(Path tmp) throws IOException {
        Path dir = tmp.resolve("model");
        try (NDManager manager = NDManager.newBaseManager()) {
            ModelDirectory.save(ModelDirectory.initialise(GeneratorConfig.released().withBaseWidth(16), manager),
                    Provenance.randomInit("2024-05-01T12:00:00Z"), dir);
        }
        return dir;
    }

    @Test
    void serveWithNoWorkersIsAOneLineUsageError() {
        CliRun run = CliRun.of("serve", "--workers", "0", "--model", "models/default");

        assertThat(run.exitCode()).isEqualTo(1);
        assertOneLineError(run).contains("--workers must be positive");
    }

    @Test
    void serveWithAMissingModelIsOneLineNamingThePath() {
        CliRun run = CliRun.of("serve", "--port", "0", "--model", "/nonexistent");

        assertThat(run.exitCode()).isEqualTo(1);
        assertOneLineError(run).contains("/nonexistent");
    }

    private static org.assertj.core.api.AbstractStringAssert<?> assertOneLineError(CliRun run) {
        assertThat(run.errLines()).as("stderr: %s", run.err()).hasSize(1);
        assertThat(run.errLines()).noneMatch(l -> l.startsWith("\tat "));
        return assertThat(run.errLines().get(0)).startsWith("hifill: ");
    }
}
