package org.hifill.image;

import com.twelvemonkeys.imageio.color.ColorSpaces;
import java.awt.Dimension;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads photos (JPEG, PNG, WebP, BMP, TIFF) with ImageIO and the TwelveMonkeys plugins, upright and
 * in a layout the pipeline handles ({@link PixelLayout}). The format is recognised from the file's
 * first bytes, not its name. Every problem with the file is an {@link ImageFormatException} naming
 * it.
 */
public final class PhotoReader {

    private static final String READABLE = "hifill reads JPEG, PNG, WebP, BMP and TIFF";

    private PhotoReader() {
    }

    public static Photo read(Path file) throws ImageFormatException {
        return read(ImageSource.of(file));
    }

    /** Reads a photo held in memory, such as an upload; {@code name} stands for it in error messages. */
    public static Photo read(byte[] bytes, String name) throws ImageFormatException {
        return read(ImageSource.of(bytes, name));
    }

    static Photo read(ImageSource source) throws ImageFormatException {
        ImageFormat format = recognise(source);
        int orientation = ExifOrientation.of(source, format);
        try (ImageInputStream in = source.open()) {
            ImageReader reader = readerFor(format, source);
            try {
                reader.setInput(in);
                var damage = new DamageWarnings();
                damage.attach(reader);
                PixelLayout.Normalized pixels = decode(format, reader);
                if (damage.damage().isPresent()) {
                    throw source.problem((missesEndMarker(source, format) ? "truncated " + name(format)
                            + " file (" : "corrupt " + name(format) + " data (") + damage.damage().get() + ")");
                }
                BufferedImage upright = ExifOrientation.apply(pixels.image(), orientation);
                return new Photo(upright, pixels.profile(), format.id(), source.name());
            } catch (IOException | RuntimeException e) {
                throw classify(source, format, e);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw classify(source, format, e);
        }
    }

    /**
     * The size of the upright photo, from the file's header only: cheap even for a 100-megapixel file,
     * so that a decompression bomb can be refused before it is decoded.
     */
    public static Dimension probe(Path file) throws ImageFormatException {
        return probe(ImageSource.of(file));
    }

    /** {@link #probe(Path)} for a photo held in memory, such as an upload. */
    public static Dimension probe(byte[] bytes, String name) throws ImageFormatException {
        return probe(ImageSource.of(bytes, name));
    }

    private static Dimension probe(ImageSource source) throws ImageFormatException {
        ImageFormat format = recognise(source);
        try (ImageInputStream in = source.open()) {
            ImageReader reader = readerFor(format, source);
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                boolean swap = ExifOrientation.swapsAxes(ExifOrientation.of(source, format));
                return swap ? new Dimension(h, w) : new Dimension(w, h);
            } catch (IOException | RuntimeException e) {
                throw classify(source, format, e);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw classify(source, format, e);
        }
    }

    /** Checks that the source holds something, and names its format from its first bytes. */
    private static ImageFormat recognise(ImageSource source) throws ImageFormatException {
        byte[] head = source.head(ImageFormat.SIGNATURE_LENGTH);
        if (head.length == 0) {
            throw source.problem("empty file");
        }
        var format = ImageFormat.sniff(head);
        if (format.isPresent()) {
            return format.get();
        }
        var other = ImageFormat.unsupportedName(head);
        throw source.problem(other.isPresent()
                ? "unsupported format " + other.get() + " (" + READABLE + ")"
                : "not an image, or of an unknown format (" + READABLE + ")");
    }

    private static ImageReader readerFor(ImageFormat format, ImageSource source) throws ImageFormatException {
        // TwelveMonkeys registers its readers ahead of the JDK's, so the first is theirs where both exist.
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.id());
        if (!readers.hasNext()) {
            throw source.problem("no " + name(format) + " decoder installed");
        }
        return readers.next();
    }

    private static PixelLayout.Normalized decode(ImageFormat format, ImageReader reader) throws IOException {
        return switch (format) {
            case JPEG -> decodeJpeg(reader);
            case PNG -> {
                ICC_Profile embedded = IccProfiles.fromPng(reader.getImageMetadata(0));
                yield PixelLayout.normalize(reader.read(0), embedded);
            }
            default -> PixelLayout.normalize(reader.read(0), null);
        };
    }

    /**
     * The TwelveMonkeys JPEG reader converts an embedded RGB profile other than sRGB to sRGB. To keep
     * the samples as stored (and write the profile back), the destination is an image in the profile's
     * own colour space: the reader then copies the samples without conversion. CMYK/YCCK files are
     * converted to sRGB through their profile, and their profile is dropped.
     */
    private static PixelLayout.Normalized decodeJpeg(ImageReader reader) throws IOException {
        ICC_Profile embedded = IccProfiles.fromJpeg(reader.getImageMetadata(0));
        ImageReadParam param = reader.getDefaultReadParam();
        if (embedded != null && embedded.getColorSpaceType() == ColorSpace.TYPE_RGB && !IccProfiles.isSRgb(embedded)) {
            ColorModel cm = new ComponentColorModel(ColorSpaces.createColorSpace(embedded), false, false,
                    ColorModel.OPAQUE, DataBuffer.TYPE_BYTE);
            int w = reader.getWidth(0);
            int h = reader.getHeight(0);
            param.setDestination(new BufferedImage(cm, cm.createCompatibleWritableRaster(w, h), false, null));
        }
        return PixelLayout.normalize(reader.read(0, param), embedded);
    }

    /** Turns a decoder's failure into a one-line reason. */
    private static ImageFormatException classify(ImageSource source, ImageFormat format, Exception e) {
        if (e instanceof ImageFormatException f) {
            return f;
        }
        String message = oneLine(e);
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EOFException || String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("end of")) {
                return source.problem("truncated " + name(format) + " file", e);
            }
            root = t;
        }
        if (root != e && !oneLine(root).equals(message)) {
            message += ": " + oneLine(root);
        }
        if (missesEndMarker(source, format)) {
            return source.problem("truncated " + name(format) + " file (" + message + ")", e);
        }
        if (message.toLowerCase(Locale.ROOT).matches(".*(unsupported|not supported|unknown|cannot handle).*")) {
            return source.problem("unsupported " + name(format) + " variant (" + message + ")", e);
        }
        return source.problem("corrupt " + name(format) + " data (" + message + ")", e);
    }

    /**
     * Whether a JPEG or PNG that failed to decode lacks its final marker (JPEG's EOI, PNG's IEND
     * chunk): then it was cut short. Only consulted after a failure, since some writers append bytes.
     */
    private static boolean missesEndMarker(ImageSource source, ImageFormat format) {
        byte[] end = switch (format) {
            case JPEG -> new byte[] {(byte) 0xFF, (byte) 0xD9};
            case PNG -> new byte[] {'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};
            default -> null;
        };
        if (end == null) {
            return false;
        }
        try {
            return !Arrays.equals(source.tail(end.length), end);
        } catch (IOException e) {
            return false;
        }
    }

    private static String name(ImageFormat format) {
        return format == ImageFormat.WEBP ? "WebP" : format.name();
    }

    static String oneLine(Throwable t) {
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            return t.getClass().getSimpleName();
        }
        return m.lines().findFirst().orElse(m).trim();
    }
}
