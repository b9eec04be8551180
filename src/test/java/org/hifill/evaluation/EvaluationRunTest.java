package org.hifill.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.hifill.pipeline.HoleMask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A method that throws on one photo, and one that runs past the time limit on it, are reported
 * as such in the CSV and the table, while every other photo and method is scored; the worker left
 * running is known, so that the model is not closed under it.
 */
class EvaluationRunTest {

    @TempDir
    Path dir;

    /** Returns the photo as it is (the hole keeps the original: every score perfect). */
    private static final EvaluationMethod ORIGINAL = method("original", photo -> photo);

    @Test
    void throwingAndSlowMethodsAreReportedAndTheRunGoesOn() throws IOException {
        List<EvaluationImage> images = List.of(image("a.png", false), image("b.png", true), image("c.png", false));
        EvaluationMethod failing = method("failing", photo -> {
            if (marked(photo)) {
                throw new IllegalStateException("cannot fill this one");
            }
            return photo;
        });
        EvaluationMethod slow = method("slow", photo -> {
            if (marked(photo)) {
                sleep(3000);
            }
            return photo;
        });
        List<String> progress = new ArrayList<>();
        Evaluation evaluation = new Evaluation(List.of(ORIGINAL, failing, slow),
                new Evaluation.Settings(List.of(48, 64), Duration.ofMillis(500), 1), null, dir, progress::add);

        Evaluation.Totals totals = evaluation.run(images, List.of("photos: three"));

        assertThat(totals).isEqualTo(new Evaluation.Totals(3, 0, 14, 2, 2));
        assertThat(evaluation.workersStillRunning()).as("the slow worker sleeps on").isTrue();
        assertThat(progress).hasSize(6).anyMatch(l -> l.startsWith("b.png at 64x48") && l.contains("failing failed")
                && l.contains("slow timeout"));
        List<String> csv = Files.readAllLines(dir.resolve(ResultsCsv.FILE));
        assertThat(csv).hasSize(1 + 3 * 2 * 3);
        assertThat(csv).filteredOn(l -> l.contains(",failed,")).hasSize(2)
                .allMatch(l -> l.startsWith("b.png,") && l.contains(",failing,")
                        && l.endsWith("IllegalStateException: cannot fill this one"));
        assertThat(csv).filteredOn(l -> l.contains(",timeout,")).hasSize(2)
                .allMatch(l -> l.startsWith("b.png,") && l.contains(",slow,") && l.endsWith("no result within 500 ms"));
        assertThat(csv).filteredOn(l -> l.contains(",ok,")).hasSize(14).allMatch(l -> l.contains(",0.0000,0.0000,inf,inf,"));
        String md = Files.readString(dir.resolve(ResultsMarkdown.FILE));
        assertThat(md).contains("| failing | 0.00 | n/a | n/a | n/a |", "| 2 ok, 1 failed |", "| 2 ok, 1 timeout |",
                "| b.png | 48 | slow | timeout | no result within 500 ms |");
        assertThat(Files.list(dir.resolve(Evaluation.CROPS)).map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder("a.png-48.png", "a.png-64.png");
    }

    @Test
    void fidAndIsCompareEachMethodsResultsWithTheOriginalPhotosAtEachSize() throws IOException {
        List<EvaluationImage> images = List.of(image("a.png", false), image("b.png", true), image("c.png", false));
        EvaluationMethod black = method("black", photo -> new BufferedImage(photo.getWidth(), photo.getHeight(),
                BufferedImage.TYPE_INT_RGB));

        new Evaluation(List.of(ORIGINAL, black), new Evaluation.Settings(List.of(32, 48), Duration.ofSeconds(10), 0),
                MEAN_COLOUR, dir, line -> {}).run(images, List.of());

        List<String> csv = Files.readAllLines(dir.resolve(ResultsCsv.FILE));
        assertThat(csv.get(0)).endsWith(",ms_ssim,set_fid,set_is,error");
        for (String size : List.of("32", "48")) {
            List<String[]> original = cells(csv, size, "original");
            List<String[]> blacks = cells(csv, size, "black");
            assertThat(original).hasSize(3).allMatch(c -> Double.parseDouble(c[18]) < 1e-9)
                    .allMatch(c -> Double.parseDouble(c[19]) > 1).extracting(c -> c[19]).containsOnly(original.get(0)[19]);
            // All black: zero features and the same prediction, so FID = |mean|^2 + tr(cov) > 0 and IS = 1.
            assertThat(blacks).hasSize(3).allMatch(c -> Double.parseDouble(c[18]) > 0.1)
                    .allMatch(c -> c[19].equals("1.0000")).extracting(c -> c[18]).containsOnly(blacks.get(0)[18]);
        }
        String md = Files.readString(dir.resolve(ResultsMarkdown.FILE));
        assertThat(md).contains("FID: Frechet distance between Gaussians", "strongly biased upwards")
                .doesNotContain("no feature model was given");
        assertThat(md.lines().filter(l -> l.startsWith("| black |"))).hasSize(2).allMatch(l -> l.contains(" | 1.000 | "));
    }

    @Test
    void withoutAFeatureExtractorFidAndIsAreUnavailableAndSaySo() throws IOException {
        new Evaluation(List.of(ORIGINAL), new Evaluation.Settings(List.of(32), Duration.ofSeconds(10), 0), null, dir,
                line -> {}).run(List.of(image("a.png", false), image("b.png", false)), List.of());

        assertThat(cells(Files.readAllLines(dir.resolve(ResultsCsv.FILE)), "32", "original"))
                .hasSize(2).allMatch(c -> c[18].isEmpty() && c[19].isEmpty());
        String md = Files.readString(dir.resolve(ResultsMarkdown.FILE));
        assertThat(md).contains("FID and IS: n/a, as no feature model was given (--feature-model FILE)",
                "| original | 0.00 | n/a | n/a | n/a |");
    }

    @Test
    void unreadablePhotoIsSkippedWithAWarning() throws IOException {
        Path broken = Files.write(dir.resolve("broken.png"), new byte[] {1, 2, 3});
        List<EvaluationImage> images = List.of(new EvaluationImage("broken.png", broken, (w, h) -> new HoleMask(w, h)),
                image("a.png", false));
        List<String> progress = new ArrayList<>();
        Path report = dir.resolve("report");

        Evaluation.Totals totals = new Evaluation(List.of(ORIGINAL), new Evaluation.Settings(List.of(32),
                Duration.ofSeconds(10), 0), null, report, progress::add).run(images, List.of());

        assertThat(totals).isEqualTo(new Evaluation.Totals(2, 1, 1, 0, 0));
        assertThat(progress.get(0)).startsWith("warning: broken.png skipped: ");
        assertThat(Files.readAllLines(report.resolve(ResultsCsv.FILE))).hasSize(2);
    }

    /** Features: the mean colour, 0..1; classes: the softmax of 10 times it. */
    private static final FeatureExtractor MEAN_COLOUR = new FeatureExtractor() {
        @Override
        public Embedding extract(BufferedImage image) {
            double[] mean = new double[3];
            double[] logits = new double[3];
            for (int c = 0; c < 3; c++) {
                for (float v : RgbPlanes.plane(image, c)) {
                    mean[c] += v / 255 / (image.getWidth() * image.getHeight());
                }
                logits[c] = 10 * mean[c];
            }
            return new Embedding(mean, FeatureModel.softmax(logits));
        }

        @Override
        public boolean classifies() {
            return true;
        }

        @Override
        public String description() {
            return "mean colour";
        }
    };

    /** The cells of the CSV rows of one size and method (no cell here holds a comma). */
    private static List<String[]> cells(List<String> csv, String size, String method) {
        return csv.stream().map(l -> l.split(",", -1)).filter(c -> c[1].equals(size) && c[5].equals(method)).toList();
    }

    private interface Fill {
        BufferedImage fill(BufferedImage photo) throws Exception;
    }

    private static EvaluationMethod method(String name, Fill fill) {
        return new EvaluationMethod() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public BufferedImage fill(BufferedImage photo, HoleMask mask) throws Exception {
                return fill.fill(photo);
            }
        };
    }

    /** A 96x72 photo, with a pure red top-left corner when marked, and a hole in its middle. */
    private EvaluationImage image(String name, boolean marked) throws IOException {
        BufferedImage photo = TestImages.textured(96, 72, name.hashCode());
        if (marked) {
            Graphics2D g = photo.createGraphics();
            g.setColor(Color.RED);
            g.fillRect(0, 0, 8, 8);
            g.dispose();
        }
        Path file = dir.resolve(name);
        ImageIO.write(photo, "png", file.toFile());
        return new EvaluationImage(name, file, (w, h) -> {
            HoleMask mask = new HoleMask(w, h);
            mask.fill(new java.awt.Rectangle(w / 3, h / 3, w / 3, h / 3));
            return mask;
        });
    }

    private static boolean marked(BufferedImage photo) {
        return (photo.getRGB(0, 0) & 0xffffff) == 0xff0000;
    }

    private static void sleep(long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        // Ignores the interrupt at the time limit, as native code would.
        while (System.nanoTime() < end) {
            try {
                Thread.sleep(Math.max(1, (end - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                // keep sleeping
            }
        }
    }
}
