package org.hifill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hifill.model.generator.HiFillGenerator;
import org.hifill.model.weights.ModelDirectory;
import org.hifill.training.TinyTraining;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run stopped at step 3 and resumed to step 6 ends where an uninterrupted 6-step run of the same
 * seed does: the checkpoint restores the weights, both optimisers and the random state.
 */
class TrainResumeTest {

    @TempDir
    Path dir;

    @Test
    void resumedRunEqualsAnUninterruptedOne() throws IOException {
        Path photos = TinyTraining.photos(dir.resolve("photos"));
        String config = TinyTraining.configFile(dir).toString();
        Path interrupted = dir.resolve("interrupted");
        Path whole = dir.resolve("whole");

        assertThat(train("--out", interrupted.toString(), "--steps", "3", "--config", config, "--data",
                photos.toString()).exitCode()).isZero();
        Path leftover = Files.createDirectories(interrupted.resolve(".checkpoint-5-interrupted"));
        Files.writeString(leftover.resolve("step"), "5");
        CliRun resumed = train("--out", interrupted.toString(), "--steps", "6", "--resume", "--data",
                photos.toString());
        CliRun uninterrupted = train("--out", whole.toString(), "--steps", "6", "--config", config, "--data",
                photos.toString());

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(uninterrupted.exitCode()).as(uninterrupted.err()).isZero();
        List<String> resumedLosses = Files.readAllLines(interrupted.resolve("losses.csv"));
        assertThat(resumedLosses).extracting(line -> line.split(",")[0])
                .containsExactly("step", "1", "2", "3", "4", "5", "6");
        assertThat(withoutTimings(resumedLosses)).isEqualTo(withoutTimings(Files.readAllLines(whole.resolve("losses.csv"))));
        // The interrupted run also validated at its end, step 3.
        assertThat(Files.readAllLines(interrupted.resolve("validation.csv")).stream()
                .filter(line -> !line.startsWith("3,")).toList())
                .isEqualTo(Files.readAllLines(whole.resolve("validation.csv")));
        assertThat(leftover).doesNotExist();
        assertSameWeights(interrupted.resolve("model"), whole.resolve("model"));
    }

    @Test
    void aNewRunRefusesAFolderWithACheckpoint() throws IOException {
        Path photos = TinyTraining.photos(dir.resolve("photos"));
        String config = TinyTraining.configFile(dir).toString();
        Path run = dir.resolve("run");
        assertThat(train("--out", run.toString(), "--steps", "1", "--config", config, "--data", photos.toString())
                .exitCode()).isZero();

        CliRun again = train("--out", run.toString(), "--steps", "2", "--config", config, "--data", photos.toString());

        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.errLines()).containsExactly("hifill: " + run + ": holds a training run already; continue it"
                + " with --resume");
    }

    private static CliRun train(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "train";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.of(all);
    }

    private static void assertSameWeights(Path a, Path b) throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            HiFillGenerator first = ModelDirectory.load(a, manager).generator();
            HiFillGenerator second = ModelDirectory.load(b, manager).generator();
            var others = second.getParameters();
            for (Pair<String, Parameter> p : first.getParameters()) {
                NDArray x = p.getValue().getArray();
                NDArray y = others.get(p.getKey()).getArray();
                assertThat(x.allClose(y, 0, 1e-6, false)).as(p.getKey()).isTrue();
            }
        }
    }

    /** The log's lines without the columns of step timings, which differ from run to run. */
    private static List<String> withoutTimings(List<String> lines) {
        List<String> header = List.of(lines.get(0).split(","));
        return lines.stream().map(line -> {
            String[] cells = line.split(",");
            StringBuilder kept = new StringBuilder();
            for (int i = 0; i < cells.length; i++) {
                if (!header.get(i).endsWith("_s")) {
                    kept.append(cells[i]).append(',');
                }
            }
            return kept.toString();
        }).toList();
    }
}
