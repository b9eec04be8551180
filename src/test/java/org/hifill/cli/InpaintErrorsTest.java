package org.hifill.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hifill.cli.InpaintFixtures.H;
import static org.hifill.cli.InpaintFixtures.HOLE;
import static org.hifill.cli.InpaintFixtures.W;
import static org.hifill.cli.InpaintFixtures.assertOneLineError;
import static org.hifill.cli.InpaintFixtures.mask;
import static org.hifill.cli.InpaintFixtures.names;
import static org.hifill.cli.InpaintFixtures.photo;
import static org.hifill.cli.InpaintFixtures.read;
import static org.hifill.cli.InpaintFixtures.write;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * User mistakes given to {@code hifill inpaint}: each is one line on stderr that starts with
 * {@code hifill: } and names the file, exit code 1, no stack trace, and no output file (nor a
 * leftover temporary file) in the output folder; an input is never overwritten.
 */
class InpaintErrorsTest {

    @TempDir
    static Path inputs;
    private static Path model;
    private static Path photo;
    private static Path mask;

    /** The output folder: it must stay empty when a run fails. */
    @TempDir
    Path out;
    /** Bad inputs made by a test. */
    @TempDir
    Path bad;

    @BeforeAll
    static void writeInputs() throws IOException {
        model = InpaintFixtures.saveModel(inputs.resolve("model"));
        photo = write(photo(W, H, 2), inputs.resolve("photo.png"));
        mask = write(mask(W, H, HOLE, false), inputs.resolve("mask.png"));
    }

    @Test
    void missingImageIsNamed() {
        Path missing = bad.resolve("no-such-photo.jpg");

        CliRun run = inpaint(missing, mask, out.resolve("result.png"));

        assertFailedWithoutOutput(run).isEqualTo("hifill: " + missing + ": file not found");
    }

    @Test
    void missingMaskIsNamed() {
        Path missing = bad.resolve("no-such-mask.png");

        CliRun run = inpaint(photo, missing, out.resolve("result.png"));

        assertFailedWithoutOutput(run).isEqualTo("hifill: " + missing + ": file not found");
    }

    @Test
    void emptyImageFileIsNamed() throws IOException {
        Path empty = Files.createFile(bad.resolve("empty.jpg"));

        CliRun run = inpaint(empty, mask, out.resolve("result.png"));

        assertFailedWithoutOutput(run).isEqualTo("hifill: " + empty + ": empty file");
    }

    @Test
    void randomBytesNamedJpgAreNotAnImage() throws IOException {
        Path noise = Files.write(bad.resolve("noise.jpg"), randomBytes(5000, 1));

        CliRun run = inpaint(noise, mask, out.resolve("result.png"));

        assertFailedWithoutOutput(run).startsWith("hifill: " + noise + ": not an image");
    }

    @Test
    void jpegSignatureFollowedByRandomBytesIsCorruptOrTruncatedJpeg() throws IOException {
        byte[] bytes = randomBytes(5000, 2);
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;
        Path corrupt = Files.write(bad.resolve("corrupt.jpg"), bytes);

        CliRun run = inpaint(corrupt, mask, out.resolve("result.png"));

        assertFailedWithoutOutput(run).startsWith("hifill: " + corrupt + ": ").containsPattern("(corrupt|truncated) JPEG");
    }

    @Test
    void truncatedPngIsNamedAsTruncated() throws IOException {
        byte[] whole = Files.readAllBytes(photo);
        Path truncated = Files.write(bad.resolve("truncated.png"), Arrays.copyOf(whole, whole.length / 2));

        CliRun run = inpaint(truncated, mask, out.resolve("result.png"));

        assertFailedWithoutOutput(run).startsWith("hifill: " + truncated + ": truncated PNG file");
    }

    @Test
    void maskOfAnotherAspectRatioIsNamedWithBothSizes() throws IOException {
        Path square = write(mask(W, W, HOLE, false), bad.resolve("square.png"));

        CliRun run = inpaint(photo, square, out.resolve("result.png"));

        assertFailedWithoutOutput(run)
                .isEqualTo("hifill: " + square + ": mask is 640x640 but the photo is 640x480: not the same aspect ratio");
    }

    @Test
    void maskOfHalfTheSizeIsScaledWithAWarningNamingIt() throws IOException {
        Path half = write(mask(W / 2, H / 2, new Rectangle(HOLE.x / 2, HOLE.y / 2, HOLE.width / 2, HOLE.height / 2),
                false), bad.resolve("half.png"));
        Path result = out.resolve("result.png");

        CliRun run = inpaint(photo, half, result);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("hifill: warning: ").contains("half.png").contains("320x240").contains("640x480");
        assertThat(run.outLines()).singleElement().asString().contains("6400 hole pixels");
        BufferedImage image = read(result);
        assertThat(image.getWidth()).isEqualTo(W);
        assertThat(image.getHeight()).isEqualTo(H);
    }

    @Test
    void outputInAMissingFolderIsRefusedAndTheFolderNotCreated() {
        Path result = out.resolve("missing/result.png");

        CliRun run = inpaint(photo, mask, result);

        assertFailedWithoutOutput(run).startsWith("hifill: " + result + ": ").contains("does not exist");
        assertThat(out.resolve("missing")).doesNotExist();
    }

    @Test
    void outputThatIsTheInputImageIsRefusedAndTheImageLeftAlone() throws IOException {
        Path image = Files.copy(photo, out.resolve("photo.png"));
        byte[] before = Files.readAllBytes(image);

        CliRun run = inpaint(image, mask, image);

        assertOneLineError(run).startsWith("hifill: " + image + ": ").contains("is also an input");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(Files.readAllBytes(image)).isEqualTo(before);
        assertThat(names(out)).containsExactly("photo.png");
    }

    @Test
    void outputThatIsTheInputImageSpelledAnotherWayIsRefused() throws IOException {
        Path image = Files.copy(photo, out.resolve("photo.png"));
        Files.createDirectory(out.resolve("sub"));
        byte[] before = Files.readAllBytes(image);
        Path sameFile = out.resolve("sub/../photo.png");

        CliRun run = inpaint(image, mask, sameFile);

        assertThat(run.exitCode()).isEqualTo(1);
        assertOneLineError(run).contains("is also an input");
        assertThat(Files.readAllBytes(image)).isEqualTo(before);
    }

    @Test
    void outputThatIsTheMaskIsRefusedAndTheMaskLeftAlone() throws IOException {
        Path maskCopy = Files.copy(mask, out.resolve("mask.png"));
        byte[] before = Files.readAllBytes(maskCopy);

        CliRun run = inpaint(photo, maskCopy, maskCopy);

        assertThat(run.exitCode()).isEqualTo(1);
        assertOneLineError(run).startsWith("hifill: " + maskCopy + ": ").contains("is also an input");
        assertThat(Files.readAllBytes(maskCopy)).isEqualTo(before);
        assertThat(names(out)).containsExactly("mask.png");
    }

    @Test
    void unknownOutputExtensionIsRefusedNamingTheWritableOnes() {
        Path result = out.resolve("result.gif");

        CliRun run = inpaint(photo, mask, result);

        assertFailedWithoutOutput(run).startsWith("hifill: " + result + ": unsupported output format")
                .contains(".png").contains(".jpg");
    }

    @Test
    void outputWithoutExtensionIsRefused() {
        Path result = out.resolve("result");

        CliRun run = inpaint(photo, mask, result);

        assertFailedWithoutOutput(run).startsWith("hifill: " + result + ": unsupported output format");
    }

    @Test
    void webpOutputIsRefusedSuggestingPngOrJpeg() {
        Path result = out.resolve("result.webp");

        CliRun run = inpaint(photo, mask, result);

        assertFailedWithoutOutput(run).isEqualTo("hifill: " + result + ": cannot write WebP; use .png or .jpg");
    }

    @Test
    void stagePicturesFolderThatIsAFileIsRefusedNamingIt() throws IOException {
        Path file = Files.writeString(bad.resolve("stages"), "not a folder");

        CliRun run = CliRun.of("inpaint", photo.toString(), mask.toString(), "-o", out.resolve("result.png").toString(),
                "--model", model.toString(), "--save-intermediates", file.toString());

        assertFailedWithoutOutput(run).isEqualTo("hifill: " + file + ": is a file, not a folder for the stage pictures");
        assertThat(file).hasContent("not a folder");
    }

    @Test
    void withoutModelAndNoneBundledTheOneLineSaysToPassModel() {
        CliRun run = withHome(bad, () -> CliRun.of("inpaint", photo.toString(), mask.toString(), "-o",
                out.resolve("result.png").toString()));

        assertFailedWithoutOutput(run).contains("--model");
    }

    @Test
    void withoutModelTheBundledDefaultModelIsUsed() {
        Path result = out.resolve("result.png");

        CliRun run = withHome(Path.of("").toAbsolutePath(),
                () -> CliRun.of("inpaint", photo.toString(), mask.toString(), "-o", result.toString()));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(result).exists();
    }

    /** Runs with the installation folder (the launcher's {@code hifill.home}) set to {@code home}. */
    private static CliRun withHome(Path home, Supplier<CliRun> body) {
        String before = System.getProperty("hifill.home");
        System.setProperty("hifill.home", home.toString());
        try {
            return body.get();
        } finally {
            if (before == null) {
                System.clearProperty("hifill.home");
            } else {
                System.setProperty("hifill.home", before);
            }
        }
    }

    @Test
    void missingModelDirectoryIsNamed() {
        Path missing = bad.resolve("no-model");

        CliRun run = CliRun.of("inpaint", photo.toString(), mask.toString(), "-o", out.resolve("result.png").toString(),
                "--model", missing.toString());

        assertFailedWithoutOutput(run).isEqualTo("hifill: " + missing + ": model directory not found");
    }

    @Test
    void maskCoveringNinetyFivePercentIsRefusedSayingHowMuchContextIsNeeded() throws IOException {
        // Everything is hole but a 128 x 120 rectangle: 5% of 640 x 480.
        Path large = write(mask(W, H, new Rectangle(256, 180, 128, 120), true), bad.resolve("large.png"));

        CliRun run = inpaint(photo, large, out.resolve("result.png"));

        assertFailedWithoutOutput(run).startsWith("hifill: " + photo + ": ").contains("95.0%")
                .contains("at least 10% must be left as context");
    }

    @Test
    void failedRunLeavesAnExistingOutputAsItWas() throws IOException {
        Path result = Files.writeString(out.resolve("result.png"), "an earlier result");
        Path empty = Files.createFile(bad.resolve("empty.png"));

        CliRun run = inpaint(empty, mask, result);

        assertThat(run.exitCode()).isEqualTo(1);
        assertOneLineError(run).contains(empty.toString());
        assertThat(result).hasContent("an earlier result");
        assertThat(names(out)).containsExactly("result.png");
    }

    @Test
    void existingOutputThatIsNoInputIsReplacedByRenamingANewFileOverIt() throws IOException {
        Path result = Files.writeString(out.resolve("result.png"), "an earlier result");
        Object inodeBefore = inode(result);

        CliRun run = inpaint(photo, mask, result);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        BufferedImage image = read(result);
        assertThat(image.getWidth()).isEqualTo(W);
        assertThat(image.getHeight()).isEqualTo(H);
        assertThat(names(out)).containsExactly("result.png");
        if (inodeBefore != null) {
            assertThat(inode(result)).as("a new file renamed over the old one, not the old one rewritten")
                    .isNotEqualTo(inodeBefore);
        }
    }

    /** The failure's one stderr line, after checking exit 1, an empty stdout and an empty output folder. */
    private org.assertj.core.api.AbstractStringAssert<?> assertFailedWithoutOutput(CliRun run) {
        assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(names(out)).as("output folder").isEmpty();
        return assertOneLineError(run);
    }

    private static Object inode(Path file) {
        try {
            return Files.getAttribute(file, "unix:ino");
        } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
            return null;
        }
    }

    private static byte[] randomBytes(int n, long seed) {
        byte[] bytes = new byte[n];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static CliRun inpaint(Path image, Path mask, Path output) {
        return CliRun.of("inpaint", image.toString(), mask.toString(), "-o", output.toString(), "--model", model.toString());
    }
}
