package org.hifill.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hifill.cli.InpaintFixtures.assertOneLineError;
import static org.hifill.cli.InpaintFixtures.mask;
import static org.hifill.cli.InpaintFixtures.names;
import static org.hifill.cli.InpaintFixtures.photo;
import static org.hifill.cli.InpaintFixtures.read;
import static org.hifill.cli.InpaintFixtures.write;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.hifill.evaluation.FeatureNets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hifill eval} end to end on three 96x64 photos at 64 and 128 px with a random-weight
 * model: one CSV row per photo, size and method, the Table 2 layout, charts and crops; a method
 * that fails on one photo (a hole over 90% of it, which CRA refuses) is reported and the run goes
 * on; mistakes in the arguments are one-line errors with exit status 1.
 */
class EvalCommandTest {

    private static final int W = 96;
    private static final int H = 64;
    private static final List<String> METHODS = List.of("hifill", "upsample-bilinear", "telea", "mean-colour");

    @TempDir
    static Path shared;
    private static Path model;
    private static Path images;
    private static Path masks;

    @TempDir
    Path dir;

    @BeforeAll
    static void writeInputs() throws IOException {
        model = InpaintFixtures.saveModel(shared.resolve("model"));
        images = Files.createDirectory(shared.resolve("images"));
        masks = Files.createDirectory(shared.resolve("masks"));
        for (int i = 1; i <= 3; i++) {
            write(photo(W, H, i), images.resolve("photo" + i + ".png"));
        }
        write(mask(W, H, new Rectangle(30, 20, 24, 16), false), masks.resolve("photo1.png"));
        write(mask(W, H, new Rectangle(50, 8, 30, 30), false), masks.resolve("photo2.png"));
        // Photo 3: 95% hole, more than CRA accepts; the plain methods still fill it.
        write(mask(W, H, new Rectangle(0, 0, W, 61), false), masks.resolve("photo3.png"));
    }

    @Test
    void everyPhotoSizeAndMethodIsRowOfTheReportAndAFailureIsReportedWhileTheRunGoesOn() throws IOException {
        Path report = dir.resolve("report");
        long start = System.nanoTime();

        CliRun run = CliRun.of("eval", "--images", images.toString(), "--masks", masks.toString(), "--sizes", "128,64",
                "--methods", String.join(",", METHODS), "-o", report.toString(), "--model", model.toString());

        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("hifill eval: 3 photos x 2 sizes x 4 methods in %.1f s%n", seconds);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo(
                "3 photos (0 skipped) x 2 sizes x 4 methods: 20 ok, 4 failed, 0 timed out -> " + report);
        assertThat(run.errLines()).as(run.err()).hasSize(6).allMatch(l -> l.startsWith("hifill eval: photo"));

        List<String> csv = Files.readAllLines(report.resolve("results.csv"));
        assertThat(csv.get(0)).isEqualTo("image,size,width,height,hole_percent,method,status,seconds,rss_before_mb,"
                + "rss_peak_mb,rss_growth_mb,heap_peak_mb,l1,l1_hole,psnr,psnr_hole,ssim,ms_ssim,set_fid,set_is,error");
        assertThat(csv).hasSize(1 + 3 * 2 * 4);
        for (int i = 1; i <= 3; i++) {
            for (String size : List.of("64", "128")) {
                for (String method : METHODS) {
                    String prefix = "photo" + i + ".png," + size + "," + size + "," + (size.equals("64") ? "43" : "85")
                            + ",";
                    assertThat(csv).as("row of photo%d at %s by %s", i, size, method)
                            .filteredOn(l -> l.startsWith(prefix) && cells(l)[5].equals(method)).hasSize(1);
                }
            }
        }
        List<String> failed = csv.stream().filter(l -> l.contains(",failed,")).toList();
        assertThat(failed).hasSize(4).allMatch(l -> l.startsWith("photo3.png,"))
                .allMatch(l -> List.of("hifill", "upsample-bilinear").contains(cells(l)[5]))
                .allMatch(l -> l.contains("at least 10% must be left as context"));
        for (String line : csv.subList(1, csv.size())) {
            String[] cells = cells(line);
            if (cells[6].equals("ok")) {
                assertThat(Double.parseDouble(cells[12])).as("L1 of %s", line).isBetween(0.0, 255.0);
                assertThat(cells[17]).as("MS-SSIM below 176 px: unknown").isEmpty();
            }
        }

        String md = Files.readString(report.resolve("results.md"));
        assertThat(md).contains("### 64 px (long side)", "### 128 px (long side)",
                "| method | L1 | MS-SSIM | FID | IS | time (s) | peak memory (MB) | runs |");
        assertThat(md).contains("FID and IS: n/a, as no feature model was given");
        assertThat(md.lines().filter(l -> l.startsWith("| hifill |"))).hasSize(2)
                .allMatch(l -> l.contains("| n/a | n/a | n/a |") && l.endsWith("| 2 ok, 1 failed |"));
        assertThat(md.lines().filter(l -> l.startsWith("| telea |"))).hasSize(2).allMatch(l -> l.endsWith("| 3 ok |"));
        assertThat(md).contains("| photo3.png | 64 | hifill | failed | ");

        assertThat(names(report)).containsExactlyInAnyOrder("crops", "quality.png", "results.csv", "results.md",
                "time.png");
        assertThat(names(report.resolve("crops"))).containsExactly("photo1.png-128.png", "photo1.png-64.png",
                "photo2.png-128.png", "photo2.png-64.png", "photo3.png-128.png", "photo3.png-64.png");
        assertThat(read(report.resolve("quality.png")).getWidth()).isEqualTo(900);
        assertThat(read(report.resolve("time.png")).getWidth()).isEqualTo(900);
        // Original, input and 4 methods: 4 panels across, 2 rows.
        assertThat(read(report.resolve("crops/photo1.png-64.png")).getHeight()).isGreaterThan(2 * 256);
    }

    @Test
    void randomMasksNeedNoMaskFolderAndKeepTheirShapeAcrossSizes() throws IOException {
        Path report = dir.resolve("report");

        CliRun run = CliRun.of("eval", "--images", images.toString(), "--random-masks", "7", "--sizes", "64,128",
                "--methods", "mean-colour,telea", "-o", report.toString(), "--crops", "0");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> csv = Files.readAllLines(report.resolve("results.csv"));
        assertThat(csv).hasSize(1 + 3 * 2 * 2);
        assertThat(csv.subList(1, csv.size())).allMatch(l -> cells(l)[6].equals("ok"));
        for (int i = 1; i <= 3; i++) {
            String photo = "photo" + i + ".png,";
            double[] holes = csv.stream().filter(l -> l.startsWith(photo)).mapToDouble(l -> Double.parseDouble(cells(l)[4]))
                    .toArray();
            assertThat(holes).hasSize(4);
            assertThat(Arrays.stream(holes).max().getAsDouble() - Arrays.stream(holes).min().getAsDouble())
                    .as("hole share of %s at both sizes", photo).isLessThan(3.0);
        }
        assertThat(names(report)).doesNotContain("crops");
        assertThat(Files.readString(report.resolve("results.md"))).contains("masks: random, seed 7");
    }

    @Test
    void aFeatureModelGivesNumericFidAndIsInTheCsvAndTheTable() throws IOException {
        Path net = FeatureNets.classifying(dir.resolve("net.pt"), new float[][] {{1, 0, 0, 2}, {0, 1, 0, -1},
                {0, 0, 1, 0.5f}}, new float[][] {{4, 0, 0}, {0, 4, 0}, {0, 0, 4}, {1, -1, 0}});
        Path report = dir.resolve("report");

        CliRun run = CliRun.of("eval", "--images", images.toString(), "--masks", masks.toString(), "--sizes", "64",
                "--methods", "mean-colour,telea", "-o", report.toString(), "--crops", "0", "--feature-model",
                net.toString(), "--feature-size", "16");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> csv = Files.readAllLines(report.resolve("results.csv"));
        assertThat(csv).hasSize(1 + 3 * 2);
        for (String line : csv.subList(1, csv.size())) {
            String[] cells = cells(line);
            assertThat(Double.parseDouble(cells[18])).as("FID of %s", line).isPositive();
            assertThat(Double.parseDouble(cells[19])).as("IS of %s", line).isBetween(1.0, 3.0);
        }
        String md = Files.readString(report.resolve("results.md"));
        assertThat(md).contains("- feature model (FID, IS): " + net.toAbsolutePath()
                + ": 4 features and 3 classes, input 16x16", "strongly biased upwards");
        assertThat(md.lines().filter(l -> l.startsWith("| telea |") || l.startsWith("| mean-colour |")))
                .hasSize(2).allMatch(l -> l.matches("\\| [a-z-]+ \\| [0-9.]+ \\| n/a \\| [0-9.]+ \\| [0-9.]+ \\| .*"));
    }

    @Test
    void aMissingFeatureModelIsOneLineNamingIt() {
        Path missing = dir.resolve("inception.pt");

        CliRun run = eval("--feature-model", missing.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertOneLineError(run).isEqualTo("hifill: " + missing + ": not found");
    }

    @Test
    void aFeatureModelThatIsNoTorchScriptIsOneLineNamingIt() throws IOException {
        Path broken = Files.writeString(dir.resolve("inception.pt"), "not a zip");

        CliRun run = eval("--feature-model", broken.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertOneLineError(run).startsWith("hifill: " + broken + ": not a TorchScript model that runs here: ");
    }

    @Test
    void aFeatureModelWithTheWrongOutputIsOneLineNamingItAndTheShape() throws IOException {
        Path net = FeatureNets.passThrough(dir.resolve("pass.pt"));

        CliRun run = eval("--feature-model", net.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertOneLineError(run).isEqualTo("hifill: " + net + ": the feature model gave (1, 3, 299, 299) for one "
                + "image, not [1, D] features or ([1, D] features, [1, C] logits)");
    }

    @Test
    void aFeatureSizeBelowOneIsOneLine() {
        CliRun run = eval("--feature-size", "0");

        assertThat(run.exitCode()).isEqualTo(1);
        assertOneLineError(run).isEqualTo("hifill: --feature-size must be positive, not 0");
    }

    @Test
    void photosInSubFoldersAreFoundAndNamedByTheirPathsAndMasksMatchedTheSameWay() throws IOException {
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Path maskTree = Files.createDirectories(dir.resolve("mask-tree"));
        for (String name : List.of("a.png", "beach/a.png", "beach/deep/b.png", "city/c.png")) {
            Files.createDirectories(tree.resolve(name).getParent());
            write(photo(W, H, name.length()), tree.resolve(name));
        }
        // Masks by path without extension; city/c has none (only a top-level c), so it is skipped.
        for (String name : List.of("a.png", "beach/a.png", "beach/deep/b.png", "c.png")) {
            Files.createDirectories(maskTree.resolve(name).getParent());
            write(mask(W, H, new Rectangle(30, 20, 24, 16), false), maskTree.resolve(name));
        }
        Path report = dir.resolve("report");

        CliRun run = CliRun.of("eval", "--images", tree.toString(), "--masks", maskTree.toString(), "--sizes", "64",
                "--methods", "mean-colour", "-o", report.toString(), "--crops", "2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.errLines()).filteredOn(l -> l.contains("warning")).singleElement().asString()
                .contains(tree.resolve("city/c.png").toString(), "no mask of that name");
        List<String> csv = Files.readAllLines(report.resolve("results.csv"));
        assertThat(csv.subList(1, csv.size())).extracting(l -> cells(l)[0])
                .containsExactly("a.png", "beach/a.png", "beach/deep/b.png");
        assertThat(report.resolve("crops/a.png-64.png")).isRegularFile();
        assertThat(report.resolve("crops/beach/a.png-64.png")).isRegularFile();
    }

    @Test
    void aReportFolderInsideTheImagesFolderIsRefused() {
        Path inside = images.resolve("report");

        CliRun run = CliRun.of("eval", "--images", images.toString(), "--masks", masks.toString(), "-o",
                inside.toString(), "--methods", "telea");

        assertThat(run.exitCode()).isEqualTo(1);
        assertOneLineError(run).isEqualTo("hifill: " + inside + ": is inside the input folder " + images
                + ", whose sub-folders are searched too; choose another report folder");
        assertThat(inside).doesNotExist();
    }

    @Test
    void missingImagesFolderIsOneLineAndNothingIsWritten() {
        Path missing = dir.resolve("no-such-folder");
        Path report = dir.resolve("report");

        CliRun run = CliRun.of("eval", "--images", missing.toString(), "--masks", masks.toString(), "-o",
                report.toString(), "--methods", "telea");

        assertThat(run.exitCode()).isEqualTo(1);
        assertOneLineError(run).isEqualTo("hifill: " + missing + ": not a folder");
        assertThat(report).doesNotExist();
    }

    @Test
    void unknownMethodIsOneLineNamingTheKnownOnes() {
        CliRun run = eval("--methods", "hifill,photoshop");

        assertThat(run.exitCode()).isEqualTo(1);
        assertOneLineError(run).startsWith("hifill: unknown method 'photoshop'; known: hifill, upsample-")
                .contains("telea, ns");
    }

    @Test
    void badSizesAreOneLineErrors() {
        for (String sizes : List.of("512,abc", "8", "512,512", "")) {
            CliRun run = eval("--sizes", sizes);

            assertThat(run.exitCode()).as("--sizes '%s'", sizes).isEqualTo(1);
            assertOneLineError(run).contains("--sizes");
        }
    }

    @Test
    void masksAndRandomMasksTogetherAreRefused() {
        CliRun run = eval("--random-masks", "3");

        assertThat(run.exitCode()).isEqualTo(1);
        assertOneLineError(run).isEqualTo("hifill: give either --masks DIR or --random-masks SEED");
    }

    @Test
    void reportIntoTheImagesFolderIsRefused() {
        CliRun run = CliRun.of("eval", "--images", images.toString(), "--masks", masks.toString(), "-o",
                images.toString(), "--methods", "telea");

        assertThat(run.exitCode()).isEqualTo(1);
        assertOneLineError(run).contains("is inside the input folder");
        assertThat(names(images)).containsExactly("photo1.png", "photo2.png", "photo3.png");
    }

    @Test
    void badTimeLimitIsOneLine() {
        CliRun run = eval("--time-limit", "soon");

        assertThat(run.exitCode()).isEqualTo(1);
        assertOneLineError(run).contains("time limit").contains("'soon'");
    }

    /** An eval over the fixtures with one option set or changed; the report folder is never made here. */
    private CliRun eval(String option, String value) {
        java.util.Map<String, String> options = new java.util.LinkedHashMap<>();
        options.put("--images", images.toString());
        options.put("--masks", masks.toString());
        options.put("-o", dir.resolve("report").toString());
        options.put("--methods", "telea");
        options.put(option, value);
        List<String> args = new java.util.ArrayList<>(List.of("eval"));
        options.forEach((k, v) -> args.addAll(List.of(k, v)));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(dir.resolve("report")).doesNotExist();
        return run;
    }

    /** The cells of a CSV line without quoted commas. */
    private static String[] cells(String line) {
        return line.split(",", -1);
    }
}
