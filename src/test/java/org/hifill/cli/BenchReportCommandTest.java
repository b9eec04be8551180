package org.hifill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.AbstractStringAssert;
import org.hifill.bench.BenchReport;
import org.hifill.bench.InpaintTimings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hifill bench report}: a real run at two tiny sizes, each in a child JVM, and the one-line
 * errors for bad input, which come before anything is measured.
 */
class BenchReportCommandTest {

    /** A previous report from another machine with one size, as {@code --compare} reads it. */
    private static final String PREVIOUS = """
            {"date": "2024-01-01T10:00:00Z",
             "machine": {"cpu": "Some other CPU", "cores": 64, "memoryKib": 1073741824, "os": "Linux",
                         "java": "17", "ompWaitPolicy": "unset"},
             "sizes": [{"width": 64, "height": 64, "hole": 0.25, "strategy": "whole", "outputFormat": "jpg",
                        "runs": 1, "warmup": 0, "model": "random weights",
                        "medianMillis": {"decode": 1, "read mask": 1, "down-sample": 1, "network": 100,
                                         "aggregation": 1, "composite": 1, "encode": 1, "total": 106},
                        "peakRssKib": 524288}]}
            """;

    @TempDir
    Path dir;

    @Test
    void everySizeIsMeasuredInItsOwnProcessWithEveryStageAndItsPeakMemory() throws IOException {
        Path previous = Files.writeString(dir.resolve("previous.json"), PREVIOUS);
        Path json = dir.resolve("report.json");
        CliRun run = CliRun.of("bench", "report", "--sizes", "128,64", "--runs", "1", "--warmup", "0",
                "--generator-size", "64", "-o", json.toString(), "--compare", previous.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        BenchReport report = BenchReport.read(json);
        assertThat(report.sizes()).extracting(InpaintTimings::label).containsExactly("64 x 64", "128 x 128");
        for (InpaintTimings t : report.sizes()) {
            assertThat(t.medianMillis()).as(t.label()).containsOnlyKeys(InpaintTimings.STAGES);
            assertThat(t.medianMillis().values()).as(t.label()).allSatisfy(ms -> assertThat(ms).isNotNegative());
            assertThat(t.millis(InpaintTimings.TOTAL)).as(t.label()).isPositive();
            assertThat(t.peakRssKib()).as(t.label()).isPositive();
            assertThat(t.runs()).isEqualTo(1);
            assertThat(t.warmup()).isZero();
        }
        assertThat(report.generator().label()).isEqualTo("64 x 64");
        assertThat(report.generator().medianMillis()).isPositive();
        assertThat(report.machine().cores()).isPositive();
        assertThat(report.date()).isNotBlank();

        assertThat(run.out()).contains("## hifill bench report",
                "| size | decode | read mask | down-sample | network | aggregation | composite | encode | total | peak RSS |");
        assertThat(run.outLines()).anyMatch(l -> l.startsWith("| 64 x 64 | ") && l.endsWith(" GiB |"))
                .anyMatch(l -> l.startsWith("| 128 x 128 | ") && l.endsWith(" GiB |"))
                .anyMatch(l -> l.matches("\\| 64 x 64 (\\| \\d+\\.\\d\\dx ){9}\\|"))
                .anyMatch(l -> l.matches("\\| 128 x 128 (\\| n/a ){9}\\|"));
        assertThat(run.out()).contains("## Compared with " + previous, "**the previous report came from another machine**",
                "- generator forward pass at 64 x 64: not in the previous report");
    }

    @Test
    void malformedPreviousReportIsOneLine() throws IOException {
        Path previous = Files.writeString(dir.resolve("previous.json"), "{\"sizes\": [ {\"width\": 64,");
        assertOneLineError(compare(previous)).startsWith("hifill: " + previous + ": not a bench report: malformed JSON");
    }

    @Test
    void previousReportOfAnotherShapeIsOneLine() throws IOException {
        Path wrongKind = Files.writeString(dir.resolve("wrong-kind.json"), "{\"sizes\": 3}");
        assertOneLineError(compare(wrongKind)).startsWith("hifill: " + wrongKind + ": not a bench report: malformed JSON");
        Path noMachine = Files.writeString(dir.resolve("no-machine.json"), "{\"sizes\": []}");
        assertOneLineError(compare(noMachine)).isEqualTo("hifill: " + noMachine + ": not a bench report: no \"machine\"");
        Path noTimes = Files.writeString(dir.resolve("no-times.json"), PREVIOUS.replace("\"network\": 100", "\"network\": null"));
        assertOneLineError(compare(noTimes))
                .isEqualTo("hifill: " + noTimes + ": not a bench report: stage \"network\" at 64 x 64 has no time in ms");
        Path empty = Files.writeString(dir.resolve("empty.json"), "");
        assertOneLineError(compare(empty)).isEqualTo("hifill: " + empty + ": not a bench report: the file is empty");
    }

    @Test
    void missingPreviousReportIsOneLine() {
        Path missing = dir.resolve("missing.json");
        assertOneLineError(compare(missing)).isEqualTo("hifill: " + missing + ": not found");
    }

    @Test
    void badSizesAreOneLine() {
        assertOneLineError(CliRun.of("bench", "report", "--sizes", "512,abc")).startsWith("hifill: --sizes takes whole numbers");
        assertOneLineError(CliRun.of("bench", "report", "--sizes", "8"))
                .isEqualTo("hifill: each of --sizes must be between 16 and 16384 pixels, not 8");
        assertOneLineError(CliRun.of("bench", "report", "--generator-size", "100"))
                .isEqualTo("hifill: --generator-size must be a positive multiple of 64, not 100");
        assertOneLineError(CliRun.of("bench", "report", "--runs", "0"))
                .isEqualTo("hifill: --runs must be at least 1 and --warmup not negative");
    }

    @Test
    void reportIntoAMissingFolderIsRefusedBeforeMeasuring() {
        Path report = dir.resolve("missing").resolve("report.json");
        assertOneLineError(CliRun.of("bench", "report", "-o", report.toString()))
                .isEqualTo("hifill: " + report.getParent() + ": no such folder for the report");
    }

    private static CliRun compare(Path previous) {
        return CliRun.of("bench", "report", "--sizes", "64", "--compare", previous.toString());
    }

    private static AbstractStringAssert<?> assertOneLineError(CliRun run) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        return assertThat(run.errLines()).singleElement().asString();
    }
}
