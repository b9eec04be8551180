package org.hifill.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hifill.image.TestImages.H;
import static org.hifill.image.TestImages.W;

import java.awt.Point;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhotoWriterTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} with {1} bands of {2} bits")
    @CsvSource({
        "png, 1, 8", "png, 2, 8", "png, 3, 8", "png, 4, 8", "png, 1, 16", "png, 3, 16", "png, 4, 16",
        "tif, 1, 8", "tif, 3, 8", "tif, 4, 8", "tif, 3, 16", "tiff, 4, 16",
        "bmp, 3, 8", "bmp, 1, 8"})
    void losslessFormatsGiveBackTheSameSamples(String extension, int bands, int bits) throws IOException {
        BufferedImage source = TestImages.pattern(bands, bits);
        Path file = dir.resolve("round." + extension);

        PhotoWriter.write(source, file, WriteOptions.defaults());
        Photo read = PhotoReader.read(file);

        assertThat(read.image().getSampleModel().getSampleSize()).containsOnly(bits);
        assertThat(TestImages.samplesEqual(read.image().getRaster(), source.getRaster())).isTrue();
    }

    @Test
    void jpegRoundTripIsClose() throws IOException {
        BufferedImage source = TestImages.quadrants(W, H);
        Path file = dir.resolve("round.jpeg");

        PhotoWriter.write(source, file, WriteOptions.defaults());

        Photo read = PhotoReader.read(file);
        assertThat(read.format()).isEqualTo("jpeg");
        assertThat(TestImages.meanDifference(read.image().getRaster(), source.getRaster())).isLessThan(5);
    }

    @Test
    void jpegQualityIsHonoured() throws IOException {
        BufferedImage source = TestImages.pattern(3, 8);
        Path best = dir.resolve("best.jpg");
        Path small = dir.resolve("small.jpg");

        PhotoWriter.write(source, best, WriteOptions.defaults().withJpegQuality(1f));
        PhotoWriter.write(source, small, WriteOptions.defaults().withJpegQuality(0.2f));

        assertThat(Files.size(small)).isLessThan(Files.size(best) / 2);
    }

    @Test
    void jpegFlattensAlphaOntoWhiteAndRoundsSixteenBits() throws IOException {
        BufferedImage rgba = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                rgba.setRGB(x, y, x < W / 2 ? 0x00FF0000 : 0xFF204060);  // left: transparent red
            }
        }
        Path file = dir.resolve("flat.jpg");

        PhotoWriter.write(rgba, file, WriteOptions.defaults());

        Raster read = PhotoReader.read(file).image().getRaster();
        assertThat(read.getNumBands()).isEqualTo(3);
        assertThat(IntStream.of(read.getPixel(8, 8, (int[]) null)).min().getAsInt()).isGreaterThan(245);
        assertThat(read.getPixel(W - 8, 8, (int[]) null)).satisfies(p -> {
            assertThat(p[0]).isBetween(0x20 - 3, 0x20 + 3);
            assertThat(p[2]).isBetween(0x60 - 3, 0x60 + 3);
        });
    }

    @Test
    void jpegWithAnEmbeddedSrgbProfileIsWrittenBackAsJpeg() throws IOException {
        // The bundled sample carries an sRGB profile of its own; the JPEG writer's default metadata
        // for such an image already holds an ICC segment, which must not be doubled.
        Photo sample = PhotoReader.read(Path.of("samples/one-stands-out.jpg"));
        Path file = dir.resolve("sample.jpg");

        PhotoWriter.write(sample.image(), file, new WriteOptions(0.9f, sample.iccProfile()));

        assertThat(sample.iccProfile()).isNotNull();
        assertThat(PhotoReader.read(file).iccProfile().getData()).isEqualTo(sample.iccProfile().getData());
    }

    @Test
    void iccProfileSurvivesJpegAndPngWithUnchangedSamples() throws IOException {
        ICC_Profile linear = ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB);
        // A mid colour, which a conversion between linear RGB and sRGB would change a lot.
        var source = new BufferedImage(W, H, BufferedImage.TYPE_3BYTE_BGR);
        source.getRaster().setPixels(0, 0, W, H, IntStream.range(0, W * H * 3).map(i -> 0x30 + 0x20 * (i % 3)).toArray());
        for (String name : new String[] {"icc.jpg", "icc.png", "icc.tif"}) {
            Path file = dir.resolve(name);

            PhotoWriter.write(source, file, new WriteOptions(0.95f, linear));
            Photo read = PhotoReader.read(file);

            assertThat(read.iccProfile()).as(name).isNotNull();
            assertThat(read.iccProfile().getData()).as(name).isEqualTo(linear.getData());
            assertThat(TestImages.meanDifference(read.image().getRaster(), source.getRaster())).as(name).isLessThan(2);
            assertThat(read.image().getColorModel().getColorSpace().isCS_sRGB()).as(name).isTrue();
        }
    }

    @Test
    void photoWithoutProfileIsWrittenWithout() throws IOException {
        Path file = dir.resolve("plain.png");

        PhotoWriter.write(TestImages.pattern(3, 8), file, WriteOptions.defaults());

        assertThat(PhotoReader.read(file).iccProfile()).isNull();
    }

    @Test
    void webpOutputIsRefused() {
        Path out = dir.resolve("out.webp");

        assertThatThrownBy(() -> PhotoWriter.write(TestImages.pattern(3, 8), out, WriteOptions.defaults()))
                .isInstanceOf(ImageOutputException.class)
                .hasMessage(out + ": cannot write WebP; use .png or .jpg");
    }

    @Test
    void unknownExtensionListsTheSupportedOnes() {
        Path out = dir.resolve("out.gif");

        assertThatThrownBy(() -> PhotoWriter.checkWritable(out)).isInstanceOf(ImageOutputException.class)
                .hasMessage(out + ": unsupported output format; use .jpg, .jpeg, .png, .bmp, .tif, .tiff");
    }

    @Test
    void missingOutputFolderIsAnErrorNamingIt() {
        Path folder = dir.resolve("no-such-folder");
        Path out = folder.resolve("out.png");

        assertThatThrownBy(() -> PhotoWriter.write(TestImages.pattern(3, 8), out, WriteOptions.defaults()))
                .isInstanceOf(ImageOutputException.class)
                .hasMessage(out + ": the output folder " + folder + " does not exist");
        assertThat(folder).doesNotExist();
    }

    @Test
    void refusesToWriteOverAnInput() throws IOException {
        Path input = dir.resolve("photo.png");
        PhotoWriter.write(TestImages.pattern(3, 8), input, WriteOptions.defaults());
        Path link = Files.createSymbolicLink(dir.resolve("link.png"), input);
        Path roundabout = Files.createDirectory(dir.resolve("sub")).resolve("../photo.png");

        for (Path out : new Path[] {input, link, roundabout}) {
            assertThatThrownBy(() -> PhotoWriter.checkWritable(out, dir.resolve("mask.png"), input))
                    .isInstanceOf(ImageOutputException.class)
                    .hasMessageContaining("is also an input");
        }
        PhotoWriter.checkWritable(dir.resolve("result.png"), input);
    }

    @Test
    void replacesAnExistingOutput() throws IOException {
        Path out = dir.resolve("out.png");
        PhotoWriter.write(TestImages.pattern(1, 8), out, WriteOptions.defaults());

        PhotoWriter.write(TestImages.pattern(3, 16), out, WriteOptions.defaults());

        assertThat(PhotoReader.read(out).image().getRaster().getNumBands()).isEqualTo(3);
    }

    @Test
    void failureWhileEncodingLeavesNoFileBehind() throws IOException {
        Path out = dir.resolve("out.png");
        Path existing = dir.resolve("existing.png");
        PhotoWriter.write(TestImages.pattern(3, 8), existing, WriteOptions.defaults());
        byte[] before = Files.readAllBytes(existing);

        for (Path target : new Path[] {out, existing}) {
            assertThatThrownBy(() -> PhotoWriter.write(failingHalfWay(), target, WriteOptions.defaults()))
                    .hasMessageContaining("disk gone");
        }

        assertThat(out).doesNotExist();
        assertThat(Files.readAllBytes(existing)).isEqualTo(before);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(existing);
        }
    }

    /** An RGB image whose pixel data fails when the encoder has read about half of it. */
    private static BufferedImage failingHalfWay() {
        int size = W * H * 3;
        DataBuffer data = new DataBuffer(DataBuffer.TYPE_BYTE, size) {
            private int reads;

            @Override
            public int getElem(int bank, int i) {
                if (++reads > size / 2) {
                    throw new IllegalStateException("disk gone");
                }
                return 128;
            }

            @Override
            public void setElem(int bank, int i, int val) {
            }
        };
        var model = new PixelInterleavedSampleModel(DataBuffer.TYPE_BYTE, W, H, 3, W * 3, new int[] {0, 1, 2});
        WritableRaster raster = Raster.createWritableRaster(model, data, new Point());
        var cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                java.awt.Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        return new BufferedImage(cm, raster, false, null);
    }
}
