package org.hifill.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hifill.cli.InpaintFixtures.H;
import static org.hifill.cli.InpaintFixtures.HOLE;
import static org.hifill.cli.InpaintFixtures.W;
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

/**
 * {@code hifill inpaint --images DIR --masks DIR -o OUT_DIR}: masks matched by base name, a bad
 * photo reported and skipped, a photo without a mask skipped, and the summary line.
 */
class InpaintBatchTest {

    @TempDir
    static Path shared;
    private static Path model;

    @TempDir
    Path dir;
    private Path images;
    private Path masks;
    private Path out;

    @BeforeAll
    static void saveModel() throws IOException {
        model = InpaintFixtures.saveModel(shared.resolve("model"));
    }

    @Test
    void badPhotoFailsAndPhotoWithoutMaskIsSkippedWhileTheGoodOneIsInpainted() throws IOException {
        folders();
        write(photo(W, H, 1), images.resolve("a.png"));
        write(mask(W, H, HOLE, false), masks.resolve("a.png"));
        write(photo(W, H, 2), images.resolve("b.png"));
        Path corrupt = Files.write(images.resolve("c.jpg"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        write(mask(W, H, HOLE, false), masks.resolve("c.png"));

        CliRun run = batch();

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.outLines()).first().asString()
                .isEqualTo("1 inpainted, 1 failed, 1 skipped (no mask) -> " + out);
        assertThat(run.out()).contains("failed: c.jpg");
        assertThat(run.errLines()).as(run.err()).hasSize(2).allMatch(l -> l.startsWith("hifill: "));
        assertThat(run.err().lines()).noneMatch(l -> l.startsWith("\tat "));
        assertThat(run.errLines().get(0)).startsWith("hifill: " + images.resolve("b.png") + ": no mask of that name");
        assertThat(run.errLines().get(1)).startsWith("hifill: " + corrupt + ": not an image");
        assertThat(names(out)).containsExactly("a.png");
        BufferedImage a = read(out.resolve("a.png"));
        assertThat(a.getWidth()).isEqualTo(W);
        assertThat(a.getHeight()).isEqualTo(H);
    }

    @Test
    void allGoodPhotosAreInpaintedAndExitZero() throws IOException {
        folders();
        write(photo(W, H, 1), images.resolve("one.png"));
        write(mask(W, H, HOLE, false), masks.resolve("one.png"));
        write(photo(W / 2, H / 2, 2), images.resolve("two.png"));
        write(mask(W / 2, H / 2, HOLE, false), masks.resolve("two.png"));

        CliRun run = batch();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.outLines()).containsExactly("2 inpainted, 0 failed, 0 skipped (no mask) -> " + out);
        assertThat(names(out)).containsExactly("one.png", "two.png");
        assertThat(read(out.resolve("two.png")).getWidth()).isEqualTo(W / 2);
    }

    @Test
    void maskIsMatchedByBaseNameAcrossExtensionsAndTheOutputKeepsThePhotosName() throws IOException {
        folders();
        write(photo(W, H, 3), images.resolve("a.jpg"));
        write(mask(W, H, HOLE, false), masks.resolve("a.png"));

        CliRun run = batch();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outLines()).containsExactly("1 inpainted, 0 failed, 0 skipped (no mask) -> " + out);
        assertThat(names(out)).containsExactly("a.jpg");
        assertThat(Files.readAllBytes(out.resolve("a.jpg"))).startsWith((byte) 0xFF, (byte) 0xD8, (byte) 0xFF);
        assertThat(read(out.resolve("a.jpg")).getWidth()).isEqualTo(W);
    }

    @Test
    void webpPhotoIsWrittenAsPng() throws IOException {
        folders();
        Path webp = copyWebp(images.resolve("p.webp"));
        write(mask(64, 48, new java.awt.Rectangle(24, 16, 12, 12), false), masks.resolve("p.png"));

        CliRun run = batch();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outLines()).containsExactly("1 inpainted, 0 failed, 0 skipped (no mask) -> " + out);
        assertThat(names(out)).containsExactly("p.png");
        assertThat(read(out.resolve("p.png")).getWidth()).isEqualTo(64);
        assertThat(webp).exists();
    }

    @Test
    void webpPhotoWhosePngNameIsTakenByAnotherPhotoFailsAndOverwritesNothing() throws IOException {
        folders();
        write(photo(64, 48, 1), images.resolve("p.png"));
        Path webp = copyWebp(images.resolve("p.webp"));
        write(mask(64, 48, new java.awt.Rectangle(24, 16, 12, 12), false), masks.resolve("p.png"));

        CliRun run = batch();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.outLines()).first().asString().isEqualTo("1 inpainted, 1 failed, 0 skipped (no mask) -> " + out);
        InpaintFixtures.assertOneLineError(run).startsWith("hifill: " + webp + ": its output " + out.resolve("p.png"));
        assertThat(names(out)).containsExactly("p.png");
    }

    @Test
    void missingOutputFolderIsCreated() throws IOException {
        folders();
        out = dir.resolve("results/today");
        write(photo(W, H, 1), images.resolve("a.png"));
        write(mask(W, H, HOLE, false), masks.resolve("a.png"));

        CliRun run = batch();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(names(out)).containsExactly("a.png");
    }

    @Test
    void outputFolderThatIsAFileIsOneLineNamingIt() throws IOException {
        folders();
        write(photo(W, H, 1), images.resolve("a.png"));
        write(mask(W, H, HOLE, false), masks.resolve("a.png"));
        out = Files.writeString(dir.resolve("results"), "not a folder");

        CliRun run = batch();

        assertThat(run.exitCode()).isEqualTo(1);
        InpaintFixtures.assertOneLineError(run).isEqualTo("hifill: " + out + ": is a file, not a folder (batch mode writes into a folder)");
        assertThat(out).hasContent("not a folder");
    }

    @Test
    void missingImagesFolderIsOneLineNamingIt() throws IOException {
        folders();
        Path missing = dir.resolve("no-photos");

        CliRun run = CliRun.of("inpaint", "--images", missing.toString(), "--masks", masks.toString(),
                "-o", out.toString(), "--model", model.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        InpaintFixtures.assertOneLineError(run).isEqualTo("hifill: " + missing + ": not a folder");
        assertThat(out).doesNotExist();
    }

    @Test
    void outputFolderThatIsTheImagesFolderFailsEveryPhotoAndOverwritesNone() throws IOException {
        folders();
        Path a = write(photo(W, H, 1), images.resolve("a.png"));
        write(mask(W, H, HOLE, false), masks.resolve("a.png"));
        byte[] before = Files.readAllBytes(a);
        out = images;

        CliRun run = batch();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.outLines()).first().asString().isEqualTo("0 inpainted, 1 failed, 0 skipped (no mask) -> " + out);
        InpaintFixtures.assertOneLineError(run).contains(a.toString()).contains("is also an input");
        assertThat(Files.readAllBytes(a)).isEqualTo(before);
        assertThat(names(images)).containsExactly("a.png");
    }

    @Test
    void imagesWithoutMasksIsAUsageError() {
        CliRun run = CliRun.of("inpaint", "--images", dir.toString(), "-o", dir.resolve("out").toString(),
                "--model", model.toString());

        InpaintFixtures.assertUsageError(run).contains("--masks");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void masksWithoutImagesIsAUsageError() {
        CliRun run = CliRun.of("inpaint", "--masks", dir.toString(), "-o", dir.resolve("out").toString(),
                "--model", model.toString());

        InpaintFixtures.assertUsageError(run).contains("--images");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void filesTogetherWithFoldersIsAUsageError() {
        CliRun run = CliRun.of("inpaint", "a.png", "b.png", "--images", dir.toString(), "--masks", dir.toString(),
                "-o", dir.resolve("out").toString(), "--model", model.toString());

        InpaintFixtures.assertUsageError(run).contains("not both");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    /** The 64 x 48 lossless WebP of the image tests (Java writes no WebP). */
    private static Path copyWebp(Path to) throws IOException {
        try (var in = InpaintBatchTest.class.getResourceAsStream("/org/hifill/image/pattern-lossless.webp")) {
            assertThat(in).isNotNull();
            Files.copy(in, to);
        }
        return to;
    }

    private void folders() throws IOException {
        images = Files.createDirectory(dir.resolve("photos"));
        masks = Files.createDirectory(dir.resolve("masks"));
        out = dir.resolve("out");
    }

    private CliRun batch() {
        return CliRun.of("inpaint", "--images", images.toString(), "--masks", masks.toString(), "-o", out.toString(),
                "--model", model.toString());
    }
}
