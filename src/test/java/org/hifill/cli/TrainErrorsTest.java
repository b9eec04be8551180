package org.hifill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hifill.training.TinyTraining;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad arguments to {@code hifill train} end with one line on standard error and exit code 1. */
class TrainErrorsTest {

    @TempDir
    Path dir;

    @Test
    void aDataFolderWithoutPhotos() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("notes.txt"), "no photos here");

        assertOneLineError(train("--data", empty.toString()),
                "hifill: " + empty + ": no photos (JPEG, PNG or WebP) in this folder or below");
    }

    @Test
    void zeroSteps() throws IOException {
        assertOneLineError(train("--data", TinyTraining.photos(dir.resolve("photos")).toString(), "--steps", "0"),
                "hifill: --steps must be at least 1, not 0");
    }

    @Test
    void aMissingConfigFile() throws IOException {
        Path missing = dir.resolve("missing.json");

        assertOneLineError(train("--data", TinyTraining.photos(dir.resolve("photos")).toString(), "--config",
                missing.toString()), "hifill: " + missing + ": cannot read the training config (NoSuchFileException)");
    }

    @Test
    void aConfigFileThatIsNotJson() throws IOException {
        Path config = Files.writeString(dir.resolve("bad.json"), "{cropSize: ");

        CliRun run = train("--data", TinyTraining.photos(dir.resolve("photos")).toString(), "--config",
                config.toString());

        assertOneLineError(run, null);
        assertThat(run.err()).startsWith("hifill: " + config + ": not a valid training config (");
    }

    @Test
    void aConfigWithAnInvalidValue() throws IOException {
        Path config = Files.writeString(dir.resolve("odd.json"), "{\"cropSize\": 100}");

        CliRun run = train("--data", TinyTraining.photos(dir.resolve("photos")).toString(), "--config",
                config.toString());

        assertOneLineError(run, "hifill: " + config + ": not a valid training config (training config: cropSize must be"
                + " a positive multiple of 64, not 100)");
    }

    @Test
    void anUnknownConfigField() throws IOException {
        Path config = Files.writeString(dir.resolve("typo.json"), "{\"cropsize\": 128}");

        assertOneLineError(train("--data", TinyTraining.photos(dir.resolve("photos")).toString(), "--config",
                config.toString()), "hifill: " + config + ": not a valid training config (unknown field 'cropsize')");
    }

    @Test
    void resumingWithoutACheckpoint() throws IOException {
        Path run = dir.resolve("run");

        assertOneLineError(CliRun.of("train", "--data", TinyTraining.photos(dir.resolve("photos")).toString(), "--out",
                run.toString(), "--resume"), "hifill: " + run + ": no checkpoint to resume from");
    }

    private CliRun train(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "train";
        all[1] = "--out";
        all[2] = dir.resolve("run").toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return CliRun.of(all);
    }

    /** Exit code 1 and one line of error, equal to {@code expected} unless it is null. */
    private static void assertOneLineError(CliRun run, String expected) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.errLines()).hasSize(1);
        if (expected != null) {
            assertThat(run.errLines()).containsExactly(expected);
        }
    }
}
