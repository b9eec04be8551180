package org.hifill.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ratios of a new bench report to a hand-written previous one, and what the comparison says about the machines. */
class ReportComparisonTest {

    private static final Machine OLD = new Machine("Old CPU", 4, 16L << 20, "Linux 6.1 amd64", "17.0.1", "PASSIVE");
    private static final Machine SAME_AS_OLD = new Machine("Old CPU", 4, (16L << 20) - 3000, "Linux 6.1 amd64", "17.0.1",
            "PASSIVE");
    private static final Machine NEW = new Machine("New CPU", 2, 24L << 20, "Linux 6.1 amd64", "17.0.9", "PASSIVE");

    /** Written by hand as a report file would be: 512 and 1024, every stage, 1 GiB and 2 GiB peak. */
    private static final String PREVIOUS = """
            {
              "date": "2024-01-01T10:00:00Z",
              "machine": {"cpu": "Old CPU", "cores": 4, "memoryKib": 16777216, "os": "Linux 6.1 amd64",
                          "java": "17.0.1", "ompWaitPolicy": "PASSIVE"},
              "generator": {"height": 512, "width": 512, "runs": 5, "warmup": 1, "model": "random weights",
                            "medianMillis": 500.0, "minMillis": 490.0, "maxMillis": 520.0, "gflopPerSecond": 100.0},
              "sizes": [
                {"width": 512, "height": 512, "hole": 0.25, "strategy": "whole", "outputFormat": "jpg", "runs": 5,
                 "warmup": 1, "model": "random weights",
                 "medianMillis": {"decode": 10.0, "read mask": 5.0, "down-sample": 4.0, "network": 500.0,
                                  "aggregation": 20.0, "composite": 8.0, "encode": 10.0, "total": 560.0},
                 "peakRssKib": 1048576},
                {"width": 1024, "height": 1024, "hole": 0.25, "strategy": "whole", "outputFormat": "jpg", "runs": 5,
                 "warmup": 1, "model": "random weights",
                 "medianMillis": {"decode": 40.0, "read mask": 20.0, "down-sample": 10.0, "network": 500.0,
                                  "aggregation": 40.0, "composite": 30.0, "encode": 40.0, "total": 680.0},
                 "peakRssKib": 2097152}
              ]
            }
            """;

    @TempDir
    Path dir;

    @Test
    void ratiosAreNewOverPreviousPerSizeAndStage() throws IOException {
        String md = ReportComparison.markdown(newReport(NEW), previous(), "previous.json");
        assertThat(md).contains("## Compared with previous.json", "below 1x is faster",
                "- generator forward pass at 512 x 512: 0.92x",
                "- in the previous report only: 1024 x 1024",
                "| size | decode | read mask | down-sample | network | aggregation | composite | encode | total | peak RSS |",
                "| 512 x 512 | 0.50x | 1.00x | 1.25x | 0.92x | 2.00x | 0.75x | 1.10x | 0.96x | 1.50x |",
                "| 2048 x 2048 | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a |");
    }

    @Test
    void aPreviousReportFromAnotherMachineIsSaidToBeOne() throws IOException {
        String md = ReportComparison.markdown(newReport(NEW), previous(), "previous.json");
        assertThat(md).contains("**the previous report came from another machine** (CPU: Old CPU then, New CPU now; "
                + "cores: 4 then, 2 now; memory: 16.0 GiB then, 24.0 GiB now)");
        assertThat(md).contains("- measured differently: Java: 17.0.1 then, 17.0.9 now");
        assertThat(md).doesNotContain("same machine");
    }

    @Test
    void aPreviousReportFromThisMachineIsSaidToBeFromTheSameOne() throws IOException {
        String md = ReportComparison.markdown(newReport(SAME_AS_OLD), previous(), "previous.json");
        assertThat(md).contains("- same machine (CPU model, cores and memory)");
        assertThat(md).doesNotContain("another machine", "measured differently");
    }

    @Test
    void ratioIsUnknownWithoutAPositivePreviousValue() {
        assertThat(ReportComparison.ratio(3, 4)).isEqualTo("0.75x");
        assertThat(ReportComparison.ratio(3, 0)).isEqualTo("n/a");
        assertThat(ReportComparison.ratio(Double.NaN, 4)).isEqualTo("n/a");
        assertThat(ReportComparison.ratio(-1, 4)).isEqualTo("n/a");
    }

    @Test
    void theReportTableHasARowPerSizeAndAColumnPerStage() throws IOException {
        String md = ReportTable.markdown(previous());
        assertThat(md).contains("- machine: Old CPU, 4 cores, 16.0 GiB memory, Linux 6.1 amd64, Java 17.0.1, "
                        + "OMP_WAIT_POLICY=PASSIVE",
                "model: random weights; medians of 5 runs after 1 warm-up",
                "- generator forward pass at 512 x 512: 500 ms",
                "| size | decode | read mask | down-sample | network | aggregation | composite | encode | total | peak RSS |",
                "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
                "| 512 x 512 | 10 | 5.0 | 4.0 | 500 | 20 | 8.0 | 10 | 560 | 1.00 GiB |",
                "| 1024 x 1024 | 40 | 20 | 10 | 500 | 40 | 30 | 40 | 680 | 2.00 GiB |");
    }

    @Test
    void aReportReadsBackAsWritten() throws IOException {
        BenchReport report = newReport(NEW);
        Path file = Files.writeString(dir.resolve("report.json"), report.toJson());
        assertThat(BenchReport.read(file)).isEqualTo(report);
    }

    private BenchReport previous() throws IOException {
        return BenchReport.read(Files.writeString(dir.resolve("previous.json"), PREVIOUS));
    }

    /** 512 with the stages of {@link #PREVIOUS} changed by known factors, and 2048, which the previous report lacks. */
    private static BenchReport newReport(Machine machine) {
        GeneratorTimings generator = new GeneratorTimings(512, 512, 5, 1, InpaintTimings.RANDOM_WEIGHTS, 460, 450, 470, 108);
        return new BenchReport("2025-01-01T10:00:00Z", machine, generator, List.of(
                timings(512, List.of(5.0, 5.0, 5.0, 460.0, 40.0, 6.0, 11.0, 537.6), 1572864),
                timings(2048, List.of(100.0, 80.0, 20.0, 500.0, 60.0, 70.0, 100.0, 930.0), 3145728)));
    }

    private static InpaintTimings timings(int side, List<Double> stageMillis, long peakRssKib) {
        Map<String, Double> stages = new LinkedHashMap<>();
        for (int i = 0; i < stageMillis.size(); i++) {
            stages.put(InpaintTimings.STAGES.get(i), stageMillis.get(i));
        }
        return new InpaintTimings(side, side, 0.25, "whole", "jpg", 5, 1, InpaintTimings.RANDOM_WEIGHTS, stages, peakRssKib);
    }
}
