package org.hifill.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hifill.cli.InpaintFixtures.H;
import static org.hifill.cli.InpaintFixtures.HOLE;
import static org.hifill.cli.InpaintFixtures.W;
import static org.hifill.cli.InpaintFixtures.farFrom;
import static org.hifill.cli.InpaintFixtures.mask;
import static org.hifill.cli.InpaintFixtures.names;
import static org.hifill.cli.InpaintFixtures.photo;
import static org.hifill.cli.InpaintFixtures.read;
import static org.hifill.cli.InpaintFixtures.write;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code hifill inpaint IMAGE MASK -o OUT} end to end through {@link HifillCli#commandLine()}, with a
 * model of the released architecture and random weights: what is written and what is printed.
 */
class InpaintCommandTest {

    @TempDir
    static Path inputs;
    private static Path model;
    private static Path photo;
    private static Path whiteHole;
    private static Path blackHole;

    /** The output folder of each test: it must hold exactly what the test expects. */
    @TempDir
    Path out;

    @BeforeAll
    static void writeInputs() throws IOException {
        model = InpaintFixtures.saveModel(inputs.resolve("model"));
        photo = write(photo(W, H, 1), inputs.resolve("photo.png"));
        whiteHole = write(mask(W, H, HOLE, false), inputs.resolve("mask.png"));
        blackHole = write(mask(W, H, HOLE, true), inputs.resolve("mask-black.png"));
    }

    @Test
    void pngToPngKeepsTheSizeAndEveryPixelFarFromTheHoleAndPrintsOneSummaryLine() throws IOException {
        Path result = out.resolve("result.png");

        CliRun run = inpaint(photo, whiteHole, result);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.outLines()).singleElement().asString().startsWith(result + ": 640x480, 6400 hole pixels, 1 region;");
        assertThat(names(out)).containsExactly("result.png");
        BufferedImage in = read(photo);
        BufferedImage filled = read(result);
        assertThat(filled.getWidth()).isEqualTo(W);
        assertThat(filled.getHeight()).isEqualTo(H);
        int compared = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                if (farFrom(HOLE, x, y, 64)) {
                    assertThat(filled.getRGB(x, y)).as("pixel (%d,%d)", x, y).isEqualTo(in.getRGB(x, y));
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(W * H / 2);
    }

    @Test
    void jpegOutputHonoursTheQualityOption() throws IOException {
        Path low = out.resolve("low.jpg");
        Path high = out.resolve("high.jpeg");

        CliRun lowRun = inpaint(photo, whiteHole, low, "--quality", "0.3");
        CliRun highRun = inpaint(photo, whiteHole, high, "--quality=1");

        assertThat(lowRun.exitCode()).as(lowRun.err()).isZero();
        assertThat(highRun.exitCode()).as(highRun.err()).isZero();
        assertThat(names(out)).containsExactly("high.jpeg", "low.jpg");
        for (Path jpeg : new Path[] {low, high}) {
            assertThat(Files.readAllBytes(jpeg)).startsWith((byte) 0xFF, (byte) 0xD8, (byte) 0xFF);
            BufferedImage image = read(jpeg);
            assertThat(image.getWidth()).isEqualTo(W);
            assertThat(image.getHeight()).isEqualTo(H);
        }
        assertThat(Files.size(low)).isLessThan(Files.size(high));
    }

    @Test
    void qualityOutsideZeroToOneIsAUsageError() {
        CliRun run = inpaint(photo, whiteHole, out.resolve("result.jpg"), "--quality", "1.5");

        InpaintFixtures.assertUsageError(run).contains("--quality").contains("1.5");
        assertThat(names(out)).isEmpty();
    }

    @Test
    void qualityThatIsNotANumberIsAUsageError() {
        CliRun run = inpaint(photo, whiteHole, out.resolve("result.png"), "--quality", "NaN");

        InpaintFixtures.assertUsageError(run).contains("--quality").contains("NaN");
        assertThat(names(out)).isEmpty();
    }

    @Test
    void helpNamesTheDefaultStrategyOnce() {
        CliRun run = CliRun.of("inpaint", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().replaceAll("\\s+", " ")).contains("(default: auto;").doesNotContain("auto auto");
    }

    @Test
    void invertedBlackHoleMaskGivesTheSameResultAsTheWhiteHoleMask() throws IOException {
        Path white = out.resolve("white.png");
        Path black = out.resolve("black.png");

        CliRun whiteRun = inpaint(photo, whiteHole, white);
        CliRun blackRun = inpaint(photo, blackHole, black, "--invert-mask");

        assertThat(whiteRun.exitCode()).as(whiteRun.err()).isZero();
        assertThat(blackRun.exitCode()).as(blackRun.err()).isZero();
        assertThat(blackRun.outLines()).singleElement().asString().contains("6400 hole pixels");
        assertSamePixels(read(black), read(white));
        assertThat(read(white).getRGB(HOLE.x + 40, HOLE.y + 40)).as("the hole was filled")
                .isNotEqualTo(read(photo).getRGB(HOLE.x + 40, HOLE.y + 40));
    }

    @Test
    void blackHoleMaskWithoutInvertIsReadAsAHoleAlmostEverywhere() {
        CliRun run = inpaint(photo, blackHole, out.resolve("result.png"));

        assertThat(run.exitCode()).isEqualTo(1);
        InpaintFixtures.assertOneLineError(run).contains("covers").contains("context");
        assertThat(names(out)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"whole", "crop", "auto", "WHOLE"})
    void everyStrategyFillsThePhoto(String strategy) throws IOException {
        Path result = out.resolve("result.png");

        CliRun run = inpaint(photo, whiteHole, result, "--strategy", strategy);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outLines()).singleElement().asString().contains("1 region;");
        BufferedImage image = read(result);
        assertThat(image.getWidth()).isEqualTo(W);
        assertThat(image.getHeight()).isEqualTo(H);
    }

    @Test
    void unknownStrategyIsAUsageErrorNamingTheValue() {
        CliRun run = inpaint(photo, whiteHole, out.resolve("result.png"), "--strategy", "tiles");

        InpaintFixtures.assertUsageError(run).contains("--strategy").contains("'tiles'");
        assertThat(names(out)).isEmpty();
    }

    @Test
    void saveIntermediatesWritesTheEightStagePictures() throws IOException {
        Path pictures = out.resolve("stages");

        CliRun run = inpaint(photo, whiteHole, out.resolve("result.png"), "--strategy", "whole",
                "--save-intermediates", pictures.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(names(pictures)).containsExactly("01-input-lowres.png", "02-coarse.png", "03-refine.png",
                "04-blurry.png", "05-context-residual.png", "06-aggregated-residual.png", "07-upsampled-fill.png",
                "08-attention-flow.png");
        for (String name : names(pictures)) {
            read(pictures.resolve(name));
        }
        assertThat(names(out)).containsExactly("result.png", "stages");
    }

    private static void assertSamePixels(BufferedImage actual, BufferedImage expected) {
        assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
        assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                if (actual.getRGB(x, y) != expected.getRGB(x, y)) {
                    assertThat(actual.getRGB(x, y)).as("pixel (%d,%d)", x, y).isEqualTo(expected.getRGB(x, y));
                }
            }
        }
    }

    private static CliRun inpaint(Path image, Path mask, Path output, String... more) {
        String[] args = new String[6 + more.length];
        args[0] = "inpaint";
        args[1] = image.toString();
        args[2] = mask.toString();
        args[3] = "-o";
        args[4] = output.toString();
        args[5] = "--model=" + model;
        System.arraycopy(more, 0, args, 6, more.length);
        return CliRun.of(args);
    }
}
