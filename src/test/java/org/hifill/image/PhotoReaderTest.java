package org.hifill.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hifill.image.TestImages.H;
import static org.hifill.image.TestImages.W;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.IntStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.plugins.tiff.TIFFTag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhotoReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsAWebPLosslessFixtureExactly() throws IOException {
        Photo photo = PhotoReader.read(TestImages.resource(dir, "pattern-lossless.webp"));

        assertThat(photo.format()).isEqualTo("webp");
        Raster r = photo.image().getRaster();
        assertThat(r.getNumBands()).isEqualTo(3);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                for (int b = 0; b < 3; b++) {
                    assertThat(r.getSample(x, y, b)).as("(%d, %d) band %d", x, y, b)
                            .isEqualTo(TestImages.webpPattern(x, y, b));
                }
            }
        }
    }

    @Test
    void readsAWebPLossyFixtureClosely() throws IOException {
        Raster r = PhotoReader.read(TestImages.resource(dir, "pattern-lossy.webp")).image().getRaster();

        long error = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                for (int b = 0; b < 3; b++) {
                    error += Math.abs(r.getSample(x, y, b) - TestImages.webpPattern(x, y, b));
                }
            }
        }
        assertThat((double) error / (W * H * 3)).isLessThan(8);
    }

    @Test
    void sixteenBitPngKeepsSixteenBitSamples() throws IOException {
        BufferedImage source = TestImages.pattern(3, 16);
        Path png = TestImages.write(dir, "deep.png", TestImages.encode(source, "png"));

        BufferedImage read = PhotoReader.read(png).image();

        assertThat(read.getSampleModel().getSampleSize()).containsOnly(16);
        assertThat(TestImages.samplesEqual(read.getRaster(), source.getRaster())).isTrue();
    }

    @Test
    void palettePngIsExpandedToRgbaKeepingItsTransparency() throws IOException {
        byte[] r = {0, (byte) 255, 0};
        byte[] g = {0, 0, (byte) 255};
        byte[] b = {(byte) 255, 0, 0};
        byte[] a = {(byte) 255, (byte) 255, 0};
        var palette = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, 3, r, g, b, a));
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                palette.getRaster().setSample(x, y, 0, (x + y) % 3);
            }
        }
        Path png = TestImages.write(dir, "palette.png", TestImages.encode(palette, "png"));

        Raster read = PhotoReader.read(png).image().getRaster();

        assertThat(read.getNumBands()).isEqualTo(4);
        assertThat(read.getPixel(0, 0, (int[]) null)).containsExactly(0, 0, 255, 255);
        assertThat(read.getPixel(1, 0, (int[]) null)).containsExactly(255, 0, 0, 255);
        assertThat(read.getPixel(2, 0, (int[]) null)[3]).isZero();
    }

    @Test
    void greyscaleJpegReadsAsOneBand() throws IOException {
        var grey = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSamples(0, 0, W, H, 0, filled(W * H, 77));
        Path jpg = TestImages.write(dir, "grey.jpg", TestImages.jpeg(grey, false));

        Raster read = PhotoReader.read(jpg).image().getRaster();

        assertThat(read.getNumBands()).isEqualTo(1);
        assertThat(read.getSample(10, 10, 0)).isBetween(75, 79);
    }

    @Test
    void cmykJpegReadsAsRgb() throws IOException {
        // left half paper white (no ink), right half full black ink
        Path jpg = TestImages.write(dir, "cmyk.jpg", TestImages.cmykJpeg(new int[] {0, 0, 0, 0, 0, 0, 0, 255}, W, H));

        Photo photo = PhotoReader.read(jpg);

        Raster read = photo.image().getRaster();
        assertThat(read.getNumBands()).isEqualTo(3);
        assertThat(IntStream.of(read.getPixel(5, 5, (int[]) null)).min().getAsInt()).isGreaterThan(200);
        assertThat(IntStream.of(read.getPixel(W - 5, 5, (int[]) null)).max().getAsInt()).isLessThan(80);
        assertThat(photo.iccProfile()).isNull();
    }

    @Test
    void progressiveJpegIsRead() throws IOException {
        BufferedImage source = TestImages.quadrants(W, H);
        Path jpg = TestImages.write(dir, "progressive.jpg", TestImages.jpeg(source, true));

        BufferedImage read = PhotoReader.read(jpg).image();

        assertThat(TestImages.meanDifference(read.getRaster(), source.getRaster())).isLessThan(5);
    }

    @ParameterizedTest(name = "orientation {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void exifOrientationIsApplied(int orientation) throws IOException {
        Path jpg = TestImages.write(dir, "o" + orientation + ".jpg",
                TestImages.withOrientation(TestImages.jpeg(TestImages.quadrants(W, H), false), orientation));

        BufferedImage read = PhotoReader.read(jpg).image();

        boolean swapped = orientation >= 5;
        assertThat(read.getWidth()).isEqualTo(swapped ? H : W);
        assertThat(read.getHeight()).isEqualTo(swapped ? W : H);
        int w = read.getWidth();
        int h = read.getHeight();
        // Where each displayed corner comes from in the stored image: (left?, top?)
        boolean[][] from = switch (orientation) {
            case 1 -> new boolean[][] {{true, true}, {false, true}, {true, false}, {false, false}};
            case 2 -> new boolean[][] {{false, true}, {true, true}, {false, false}, {true, false}};
            case 3 -> new boolean[][] {{false, false}, {true, false}, {false, true}, {true, true}};
            case 4 -> new boolean[][] {{true, false}, {false, false}, {true, true}, {false, true}};
            case 5 -> new boolean[][] {{true, true}, {true, false}, {false, true}, {false, false}};
            case 6 -> new boolean[][] {{true, false}, {true, true}, {false, false}, {false, true}};
            case 7 -> new boolean[][] {{false, false}, {false, true}, {true, false}, {true, true}};
            default -> new boolean[][] {{false, true}, {false, false}, {true, true}, {true, false}};
        };
        int[][] corners = {{4, 4}, {w - 5, 4}, {4, h - 5}, {w - 5, h - 5}};
        for (int i = 0; i < 4; i++) {
            int expected = TestImages.quadrantColour(from[i][0], from[i][1]);
            int actual = read.getRGB(corners[i][0], corners[i][1]) & 0xFFFFFF;
            assertThat(close(actual, expected)).as("corner %d: %06x, expected %06x", i, actual, expected).isTrue();
        }
    }

    @Test
    void tiffOrientationIsAppliedOnce() throws IOException {
        ImageWriter writer = jdkTiffWriter();
        BufferedImage stored = TestImages.quadrants(W, H);
        var type = ImageTypeSpecifier.createFromRenderedImage(stored);
        TIFFDirectory ifd = TIFFDirectory.createFromMetadata(
                writer.getDefaultImageMetadata(type, writer.getDefaultWriteParam()));
        ifd.addTIFFField(new TIFFField(BaselineTIFFTagSet.getInstance().getTag(BaselineTIFFTagSet.TAG_ORIENTATION),
                TIFFTag.TIFF_SHORT, 1, new char[] {6}));
        Path tif = TestImages.write(dir, "turned.tif",
                TestImages.encode(writer, new IIOImage(stored, null, ifd.getAsMetadata()), null));

        BufferedImage read = PhotoReader.read(tif).image();

        assertThat(read.getWidth()).isEqualTo(H);
        assertThat(read.getRGB(0, 0) & 0xFFFFFF).isEqualTo(TestImages.quadrantColour(true, false));
        assertThat(read.getRGB(H - 1, 0) & 0xFFFFFF).isEqualTo(TestImages.quadrantColour(true, true));
    }

    @Test
    void orientationKeepsSixteenBitSamples() {
        BufferedImage deep = TestImages.pattern(4, 16);

        BufferedImage turned = ExifOrientation.apply(deep, 6);

        assertThat(turned.getSampleModel().getSampleSize()).containsOnly(16);
        assertThat(turned.getRaster().getPixel(H - 1 - 10, 20, (int[]) null))
                .containsExactly(deep.getRaster().getPixel(20, 10, (int[]) null));
    }

    @Test
    void probeGivesTheUprightSize() throws IOException {
        Path jpg = TestImages.write(dir, "turned.jpg",
                TestImages.withOrientation(TestImages.jpeg(TestImages.quadrants(W, H), false), 6));

        assertThat(PhotoReader.probe(jpg)).isEqualTo(new Dimension(H, W));
    }

    @Test
    void probeReadsOnlyTheHeaderOfAHugeImage() throws IOException {
        // A PNG header announcing 20000x15000 pixels (300 MP) with no pixel data at all.
        Path bomb = TestImages.write(dir, "bomb.png", pngHeaderOnly(20000, 15000));

        assertThat(PhotoReader.probe(bomb)).isEqualTo(new Dimension(20000, 15000));
        assertThatThrownBy(() -> PhotoReader.read(bomb)).isInstanceOf(ImageFormatException.class);
    }

    @Test
    void missingFileIsNamed() {
        Path missing = dir.resolve("nope.jpg");

        assertThatThrownBy(() -> PhotoReader.read(missing)).isInstanceOf(ImageFormatException.class)
                .hasMessage(missing + ": file not found");
    }

    @Test
    void emptyFileIsNamed() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.png"));

        assertThatThrownBy(() -> PhotoReader.read(empty)).isInstanceOf(ImageFormatException.class)
                .hasMessage(empty + ": empty file");
    }

    @Test
    void textFileIsNotAnImage() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.jpg"), "shopping list: eggs, milk\n");

        assertThatThrownBy(() -> PhotoReader.read(text)).isInstanceOf(ImageFormatException.class)
                .hasMessageStartingWith(text + ": not an image");
    }

    @Test
    void gifIsNamedAsUnsupported() throws IOException {
        Path gif = TestImages.write(dir, "anim.gif", TestImages.encode(TestImages.quadrants(W, H), "gif"));

        assertThatThrownBy(() -> PhotoReader.read(gif)).isInstanceOf(ImageFormatException.class)
                .hasMessageStartingWith(gif + ": unsupported format GIF");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"baseline", "progressive", "without-end-marker"})
    void truncatedJpegIsRefusedNotGreyFilled(String kind) throws IOException {
        byte[] full = TestImages.jpeg(TestImages.pattern(3, 8), kind.equals("progressive"));
        int keep = kind.equals("without-end-marker") ? full.length - 2 : full.length / 2;
        Path cut = TestImages.write(dir, "cut.jpg", Arrays.copyOf(full, keep));

        assertThatThrownBy(() -> PhotoReader.read(cut)).isInstanceOf(ImageFormatException.class)
                .hasMessageStartingWith(cut + ": truncated")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"png", "tiff", "bmp"})
    void truncatedLosslessFileIsRefused(String format) throws IOException {
        byte[] full = TestImages.encode(TestImages.pattern(3, 8), format);
        Path cut = TestImages.write(dir, "cut." + format, Arrays.copyOf(full, full.length * 2 / 3));

        assertThatThrownBy(() -> PhotoReader.read(cut)).isInstanceOf(ImageFormatException.class)
                .hasMessageStartingWith(cut + ": ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void truncatedWebPIsRefused() throws IOException {
        byte[] full = Files.readAllBytes(TestImages.resource(dir, "pattern-lossy.webp"));
        Path cut = TestImages.write(dir, "cut.webp", Arrays.copyOf(full, full.length / 2));

        assertThatThrownBy(() -> PhotoReader.read(cut)).isInstanceOf(ImageFormatException.class)
                .hasMessageStartingWith(cut + ": ");
    }

    @Test
    void pngWithDamagedDataIsCorrupt() throws IOException {
        byte[] png = TestImages.encode(TestImages.pattern(3, 8), "png");
        for (int i = 60; i < png.length - 20; i++) {
            png[i] ^= 0x5A;
        }
        Path bad = TestImages.write(dir, "bad.png", png);

        assertThatThrownBy(() -> PhotoReader.read(bad)).isInstanceOf(ImageFormatException.class)
                .hasMessageStartingWith(bad + ": ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void tiffWithAnUnknownCompressionIsAnUnsupportedVariant() throws IOException {
        byte[] tiff = TestImages.encode(TestImages.pattern(3, 8), "tiff");
        setTiffTag(tiff, 259, 50000);  // Compression: no such scheme
        Path odd = TestImages.write(dir, "odd.tif", tiff);

        assertThatThrownBy(() -> PhotoReader.read(odd)).isInstanceOf(ImageFormatException.class)
                .hasMessageStartingWith(odd + ": unsupported TIFF variant");
    }

    /** The JDK's TIFF writer, whose metadata is the public TIFFDirectory API. */
    private static ImageWriter jdkTiffWriter() {
        for (var it = ImageIO.getImageWritersByFormatName("tiff"); it.hasNext(); ) {
            ImageWriter writer = it.next();
            if (writer.getClass().getName().startsWith("com.sun.")) {
                return writer;
            }
        }
        throw new AssertionError("no JDK TIFF writer");
    }

    private static boolean close(int rgb, int expected) {
        for (int shift = 0; shift < 24; shift += 8) {
            if (Math.abs((rgb >> shift & 255) - (expected >> shift & 255)) > 40) {
                return false;
            }
        }
        return true;
    }

    private static int[] filled(int n, int value) {
        int[] a = new int[n];
        Arrays.fill(a, value);
        return a;
    }

    private static byte[] pngHeaderOnly(int w, int h) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 8).put((byte) 2).put(new byte[3]);
        var crc = new java.util.zip.CRC32();
        crc.update(new byte[] {'I', 'H', 'D', 'R'});
        crc.update(ihdr.array());
        return ByteBuffer.allocate(8 + 12 + 13)
                .put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10})
                .putInt(13).put(new byte[] {'I', 'H', 'D', 'R'}).put(ihdr.array()).putInt((int) crc.getValue())
                .array();
    }

    /** Sets a SHORT tag of a TIFF's first IFD in place. */
    private static void setTiffTag(byte[] tiff, int tag, int value) {
        ByteBuffer b = ByteBuffer.wrap(tiff).order(tiff[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int ifd = b.getInt(4);
        int count = b.getShort(ifd) & 0xFFFF;
        for (int i = 0; i < count; i++) {
            int entry = ifd + 2 + 12 * i;
            if ((b.getShort(entry) & 0xFFFF) == tag) {
                b.putShort(entry + 8, (short) value);
                return;
            }
        }
        throw new IllegalArgumentException("no tag " + tag);
    }

}
