package org.hifill.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark commands run end to end on tiny sizes and report every stage they time. */
class BenchCommandsTest {

    @TempDir
    Path dir;

    @Test
    void benchModelReportsMedianAndWork() {
        CliRun run = CliRun.of("bench", "model", "--size", "64x128", "--runs", "2", "--warmup", "1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("generator forward 64x128", "median", "GFLOP as released", "GFLOP/s executed");
    }

    @Test
    void benchInpaintReportsEveryStageAndPeakMemory() {
        CliRun run = CliRun.of("bench", "inpaint", "--size", "256x384", "--runs", "1", "--hole", "0.2");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("inpaint 384x256", "region", "decode", "read mask", "down-sample", "network",
                "aggregation", "composite", "encode", "total", "peak RSS");
    }

    @Test
    void benchInpaintRefusesAHoleOutsideItsRange() {
        CliRun run = CliRun.of("bench", "inpaint", "--size", "256", "--hole", "0.95");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString().startsWith("hifill: ").contains("--hole");
    }

    @Test
    void benchTrainReportsThroughputAndWhereTheStepTimeGoes() {
        CliRun run = CliRun.of("bench", "train", "--crop", "64", "--batch", "1", "--steps", "2", "--warmup", "1",
                "--critic-steps", "1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("training steps: 64x64 crops, batch 1, 1 critic update per generator step",
                "2 steps after 1 warm-up", "synthetic photos");
        assertThat(figure(run, "seconds per generator step (median)")).isPositive();
        double crops = figure(run, "images per second, all crops consumed");
        double generator = figure(run, "images per second, generator updates");
        assertThat(crops).isPositive();
        assertThat(generator).isPositive();
        assertThat(crops).isCloseTo(2 * generator, offset(0.002 + 1e-3 * crops));
        double data = figure(run, "share of step time: data waiting");
        double critic = figure(run, "share of step time: critic updates");
        double update = figure(run, "share of step time: generator update");
        assertThat(data).isBetween(0.0, 1.0);
        assertThat(critic).isPositive();
        assertThat(update).isPositive();
        assertThat(data + critic + update).isCloseTo(1.0, offset(0.01));
    }

    @Test
    void benchTrainRefusesACropThatIsNotAMultipleOf64() {
        CliRun run = CliRun.of("bench", "train", "--crop", "100");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("hifill: --crop must be a positive multiple of 64, not 100");
    }

    @Test
    void benchTrainRefusesABatchBelowOne() {
        CliRun run = CliRun.of("bench", "train", "--batch", "0");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("hifill: --batch must be at least 1, not 0");
    }

    @Test
    void benchTrainRefusesAMissingDataFolder() {
        Path missing = dir.resolve("missing");
        CliRun run = CliRun.of("bench", "train", "--data", missing.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("hifill: " + missing + ": no such folder of photos");
    }

    @Test
    void benchTrainRefusesADataFolderWithoutPhotos() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("notes.txt"), "no photos here");
        CliRun run = CliRun.of("bench", "train", "--data", empty.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly(
                "hifill: " + empty + ": no photos (JPEG, PNG or WebP) in this folder or below");
    }

    /** The value printed after a figure's name, at the start of its line. */
    private static double figure(CliRun run, String name) {
        String line = run.outLines().stream().map(String::strip).filter(l -> l.startsWith(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no line '" + name + "' in:\n" + run.out()));
        return Double.parseDouble(line.substring(name.length()).strip().split("\\s+")[0]);
    }
}
