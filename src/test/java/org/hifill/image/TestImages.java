package org.hifill.image;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Small images made in the tests, and the bytes of formats Java writes only with help. */
final class TestImages {

    static final int W = 64;
    static final int H = 48;

    private TestImages() {
    }

    /** An image of the given bands (1 to 4) and bits (8 or 16) with distinct, position-dependent samples. */
    static BufferedImage pattern(int bands, int bits) {
        boolean alpha = bands == 2 || bands == 4;
        ColorSpace cs = ColorSpace.getInstance(bands <= 2 ? ColorSpace.CS_GRAY : ColorSpace.CS_sRGB);
        int[] sizes = new int[bands];
        Arrays.fill(sizes, bits);
        ColorModel cm = new ComponentColorModel(cs, sizes, alpha, false,
                alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE,
                bits == 8 ? DataBuffer.TYPE_BYTE : DataBuffer.TYPE_USHORT);
        WritableRaster raster = cm.createCompatibleWritableRaster(W, H);
        int max = (1 << bits) - 1;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                for (int b = 0; b < bands; b++) {
                    raster.setSample(x, y, b, (int) ((x * 7919L + y * 104729L + b * 15485863L) % (max + 1)));
                }
            }
        }
        return new BufferedImage(cm, raster, false, null);
    }

    /** The picture in the WebP fixtures: red = 4x, green = 5y, blue = 3(x+y), each mod 256. */
    static int webpPattern(int x, int y, int band) {
        return switch (band) {
            case 0 -> (x * 4) & 255;
            case 1 -> (y * 5) & 255;
            default -> ((x + y) * 3) & 255;
        };
    }

    /** Four flat quadrants, red, green / blue, white, so that a turn or mirror shows even after JPEG. */
    static BufferedImage quadrants(int w, int h) {
        var image = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, quadrantColour(x < w / 2, y < h / 2));
            }
        }
        return image;
    }

    static int quadrantColour(boolean left, boolean top) {
        return top ? (left ? 0xFF0000 : 0x00FF00) : (left ? 0x0000FF : 0xFFFFFF);
    }

    static boolean samplesEqual(Raster a, Raster b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight() || a.getNumBands() != b.getNumBands()) {
            return false;
        }
        return Arrays.equals(a.getPixels(0, 0, a.getWidth(), a.getHeight(), (int[]) null),
                b.getPixels(0, 0, b.getWidth(), b.getHeight(), (int[]) null));
    }

    /** Mean absolute difference of the samples of two rasters of the same shape. */
    static double meanDifference(Raster a, Raster b) {
        int[] pa = a.getPixels(0, 0, a.getWidth(), a.getHeight(), (int[]) null);
        int[] pb = b.getPixels(0, 0, b.getWidth(), b.getHeight(), (int[]) null);
        long sum = 0;
        for (int i = 0; i < pa.length; i++) {
            sum += Math.abs(pa[i] - pb[i]);
        }
        return (double) sum / pa.length;
    }

    static byte[] jpeg(BufferedImage image, boolean progressive) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        if (progressive) {
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        }
        return encode(writer, new IIOImage(image, null, null), param);
    }

    /**
     * A CMYK JPEG as Photoshop writes them: an Adobe APP14 segment with transform 0 (no colour
     * transform) and inverted CMYK samples.
     */
    static byte[] cmykJpeg(int[] cmyk, int w, int h) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        var raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, 4, null);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int[] c = Arrays.copyOfRange(cmyk, x < w / 2 ? 0 : 4, x < w / 2 ? 4 : 8);
                for (int b = 0; b < 4; b++) {
                    raster.setSample(x, y, b, 255 - c[b]);
                }
            }
        }
        byte[] plain = encode(writer, new IIOImage(raster, null, null), writer.getDefaultWriteParam());
        byte[] adobe = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
        return insertAfterSoi(withoutApp0(plain), adobe);
    }

    /** The JPEG with an EXIF APP1 segment holding only IFD0's Orientation tag. */
    static byte[] withOrientation(byte[] jpeg, int orientation) {
        ByteBuffer app1 = ByteBuffer.allocate(2 + 2 + 6 + 8 + 2 + 12 + 4);
        app1.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (app1.capacity() - 2));
        app1.put(new byte[] {'E', 'x', 'i', 'f', 0, 0});
        app1.put(new byte[] {'M', 'M', 0, 42}).putInt(8);                 // big-endian TIFF header, IFD0 at 8
        app1.putShort((short) 1);                                           // one entry
        app1.putShort((short) 0x0112).putShort((short) 3).putInt(1);        // Orientation, SHORT, count 1
        app1.putShort((short) orientation).putShort((short) 0);             // value, padding
        app1.putInt(0);                                                     // no next IFD
        return insertAfterSoi(jpeg, app1.array());
    }

    static byte[] encode(ImageWriter writer, IIOImage image, ImageWriteParam param) {
        var bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, image, param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    static byte[] encode(BufferedImage image, String format) {
        return encode(ImageIO.getImageWritersByFormatName(format).next(), new IIOImage(image, null, null), null);
    }

    static Path write(Path dir, String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path resource(Path dir, String name) {
        try (InputStream in = TestImages.class.getResourceAsStream(name)) {
            return write(dir, name, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] insertAfterSoi(byte[] jpeg, byte[] segment) {
        byte[] out = new byte[jpeg.length + segment.length];
        System.arraycopy(jpeg, 0, out, 0, 2);
        System.arraycopy(segment, 0, out, 2, segment.length);
        System.arraycopy(jpeg, 2, out, 2 + segment.length, jpeg.length - 2);
        return out;
    }

    private static byte[] withoutApp0(byte[] jpeg) {
        if ((jpeg[3] & 0xFF) != 0xE0) {
            return jpeg;
        }
        int length = ((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF);
        byte[] out = new byte[jpeg.length - 2 - length];
        System.arraycopy(jpeg, 0, out, 0, 2);
        System.arraycopy(jpeg, 4 + length, out, 2, out.length - 2);
        return out;
    }
}
