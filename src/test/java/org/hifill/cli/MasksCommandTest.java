package org.hifill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hifill.image.PhotoReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hifill masks}: files written, the histogram, and one-line errors for bad arguments. */
class MasksCommandTest {

    @Test
    void writesNMasksAndAHistogramWhoseCountsSumToN(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("masks");

        CliRun run = CliRun.of("masks", "-o", out.toString(), "-n", "12", "--size", "64", "--stats");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<Path> files;
        try (Stream<Path> list = Files.list(out)) {
            files = list.sorted().toList();
        }
        assertThat(files).hasSize(12);
        assertThat(files.get(0).getFileName()).hasToString("mask-01.png");
        assertThat(PhotoReader.read(files.get(0)).width()).isEqualTo(64);
        List<String> bins = run.outLines().stream().filter(l -> l.matches("\\s*\\d+-\\d+% .*")).toList();
        assertThat(bins).hasSize(10);
        assertThat(bins.stream().mapToInt(l -> Integer.parseInt(l.trim().split("\\s+")[1])).sum()).isEqualTo(12);
        assertThat(bins.get(0)).startsWith("      0-5%");
    }

    @Test
    void theSameSeedWritesTheSameMasks(@TempDir Path tmp) throws IOException {
        CliRun.of("masks", "-o", tmp.resolve("a").toString(), "-n", "3", "--size", "64", "--seed", "5");
        CliRun.of("masks", "-o", tmp.resolve("b").toString(), "-n", "3", "--size", "64", "--seed", "5");

        for (String name : List.of("mask-1.png", "mask-2.png", "mask-3.png")) {
            assertThat(Files.readAllBytes(tmp.resolve("a").resolve(name)))
                    .isEqualTo(Files.readAllBytes(tmp.resolve("b").resolve(name)));
        }
    }

    @Test
    void fewerThanOneMaskIsAOneLineError(@TempDir Path tmp) {
        CliRun run = CliRun.of("masks", "-o", tmp.toString(), "-n", "0");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("hifill: -n must be at least 1, not 0");
    }

    @Test
    void aMinimumHoleAboveTheMaximumIsAOneLineError(@TempDir Path tmp) {
        CliRun run = CliRun.of("masks", "-o", tmp.toString(), "-n", "2", "--min-hole", "0.4", "--max-hole", "0.3");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("hifill: minimum hole ratio 0.4 must be below the maximum 0.3");
    }

    @Test
    void aMissingTemplateFolderIsAOneLineErrorNamingIt(@TempDir Path tmp) {
        Path missing = tmp.resolve("templates");

        CliRun run = CliRun.of("masks", "-o", tmp.resolve("out").toString(), "-n", "2", "--templates", missing.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("hifill: " + missing + ": no such folder of template masks");
        assertThat(tmp.resolve("out")).doesNotExist();
    }
}
