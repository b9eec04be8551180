package org.hifill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The benchmark commands run end to end on tiny sizes and report every stage they time. */
class BenchCommandsTest {

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
}
