package org.hifill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.hifill.model.generator.GeneratorConfig;
import org.hifill.model.weights.ModelDirectory;
import org.hifill.model.weights.Provenance;
import org.hifill.training.StepLosses;
import org.hifill.training.TinyTraining;
import org.hifill.training.ValidationScores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hifill train} end to end at the tiny size. */
class TrainCommandTest {

    @TempDir
    Path dir;

    @Test
    void shortRunWritesLogsAndALoadableModel() throws IOException {
        Path photos = TinyTraining.photos(dir.resolve("photos"));
        Path run = dir.resolve("run");

        CliRun result = CliRun.of("train", "--data", photos.toString(), "--out", run.toString(), "--steps", "5",
                "--config", TinyTraining.configFile(dir).toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("trained to step 5");
        List<String> losses = Files.readAllLines(run.resolve("losses.csv"));
        assertThat(losses).hasSize(6);
        assertThat(losses.get(0)).isEqualTo(StepLosses.CSV_HEADER).startsWith("step,");
        assertThat(losses.subList(1, 6)).extracting(line -> line.split(",")[0]).containsExactly("1", "2", "3", "4", "5");
        List<String> validation = Files.readAllLines(run.resolve("validation.csv"));
        assertThat(validation).first().isEqualTo(ValidationScores.CSV_HEADER);
        assertThat(validation.subList(1, validation.size())).extracting(line -> line.split(",")[0])
                .containsExactly("2", "4", "5");
        List<String> baselines = Files.readAllLines(run.resolve("baselines.csv"));
        assertThat(baselines).hasSize(4).first().isEqualTo("method,hole_l1,psnr");
        assertThat(baselines.get(1)).startsWith("mean-colour,");
        assertThat(baselines.get(2)).startsWith("diffusion,");
        assertThat(baselines.get(3)).startsWith("telea,");
        BufferedImage grid = ImageIO.read(run.resolve("validation/step-0000004.png").toFile());
        // Five 64-px columns with 4-px gaps; one row per validation photo (3), below a header.
        assertThat(grid.getWidth()).isEqualTo(4 + 5 * (64 + 4));
        assertThat(grid.getHeight()).isEqualTo(20 + 3 * (64 + 4));
        assertThat(Files.list(run.resolve("validation")).map(p -> p.getFileName().toString()).sorted())
                .containsExactly("step-0000002.png", "step-0000004.png", "step-0000005.png");
        for (String chart : List.of("losses.png", "validation.png")) {
            BufferedImage image = ImageIO.read(run.resolve(chart).toFile());
            assertThat(image.getWidth()).as(chart).isEqualTo(900);
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            var model = ModelDirectory.load(run.resolve("model"), manager);
            assertThat(model.manifest().provenance().source()).isEqualTo("trained");
            assertThat(model.manifest().provenance().trainingSteps()).isEqualTo(5);
            assertThat(model.generator().config().baseWidth()).isEqualTo(8);
        }
    }

    @Test
    void initStartsFromAModelDirectory() throws IOException {
        Path photos = TinyTraining.photos(dir.resolve("photos"));
        Path model = dir.resolve("start");
        try (NDManager manager = NDManager.newBaseManager()) {
            ModelDirectory.save(ModelDirectory.initialise(GeneratorConfig.released().withBaseWidth(4), manager),
                    Provenance.randomInit("2026-01-01T00:00:00Z"), model);
        }
        Path run = dir.resolve("run");

        CliRun result = CliRun.of("train", "--data", photos.toString(), "--out", run.toString(), "--steps", "1",
                "--config", TinyTraining.configFile(dir).toString(), "--init", model.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        try (NDManager manager = NDManager.newBaseManager()) {
            var trained = ModelDirectory.load(run.resolve("model"), manager);
            assertThat(trained.generator().config().baseWidth()).as("the initial model's, not the config's").isEqualTo(4);
            assertThat(trained.manifest().provenance().notes()).endsWith("from " + model);
        }
    }
}
