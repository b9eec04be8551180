package org.hifill.image;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.FileImageOutputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes photos as JPEG, PNG, BMP or TIFF, chosen by the output file's extension.
 *
 * <ul>
 *   <li>The file appears complete or not at all: it is encoded to a hidden temporary file in the
 *       same folder, synced, and renamed over the target in one step. On failure the temporary file
 *       is deleted and an existing target is left as it was.
 *   <li>The output folder must exist: a mistyped folder is an error rather than a new folder.
 *   <li>PNG and TIFF keep every band at 8 or 16 bits, alpha included. JPEG and BMP hold 8-bit grey
 *       or RGB only: 16-bit samples are rounded to 8 bits, and alpha is flattened onto white (what a
 *       viewer shows), since the colour under transparent pixels is often junk.
 *   <li>The ICC profile is embedded in JPEG (APP2), PNG (iCCP) and TIFF (tag 34675) when it is of
 *       the image's colour kind (grey or RGB); BMP gets none.
 * </ul>
 */
public final class PhotoWriter {

    private static final SecureRandom RANDOM = new SecureRandom();

    private PhotoWriter() {
    }

    public static void write(BufferedImage image, Path out, WriteOptions options) throws IOException {
        ImageFormat format = checkWritable(out);
        BufferedImage encodable = encodable(format, image);
        Path temp = createTemp(out);
        boolean moved = false;
        try {
            try (var file = new RandomAccessFile(temp.toFile(), "rw");
                 ImageOutputStream stream = new FileImageOutputStream(file)) {
                encode(format, encodable, options, stream);
                stream.flush();
                file.getFD().sync();
            } catch (IOException e) {
                throw new ImageOutputException(out, "cannot write (" + PhotoReader.oneLine(e) + ")", e);
            }
            try {
                Files.move(temp, out, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new ImageOutputException(out, "cannot replace (" + PhotoReader.oneLine(e) + ")", e);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * The encoded photo in memory, for a server to send only once it is complete.
     *
     * @throws IllegalArgumentException if the format cannot be written (WebP)
     */
    public static byte[] toBytes(BufferedImage image, ImageFormat format, WriteOptions options) throws IOException {
        if (!format.writable()) {
            throw new IllegalArgumentException("cannot write " + format.id());
        }
        var bytes = new ByteArrayOutputStream();
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(bytes)) {
            encode(format, encodable(format, image), options, stream);
        }
        return bytes.toByteArray();
    }

    private static BufferedImage encodable(ImageFormat format, BufferedImage image) {
        return switch (format) {
            case JPEG, BMP -> OpaqueEightBit.of(image);
            default -> image;
        };
    }

    /**
     * Refuses, before any work is done, an output that cannot be written: an unsupported extension, a
     * missing folder, a folder as the output, or the same file as one of the inputs (by path, or by
     * {@link Files#isSameFile} when both exist, which sees links).
     */
    public static void checkWritable(Path out, Path... inputs) throws ImageOutputException {
        checkWritable(out);
        for (Path in : inputs) {
            if (isSameFile(out, in)) {
                throw new ImageOutputException(out,
                        "is also an input; refusing to overwrite it (choose another output name)");
            }
        }
    }

    private static ImageFormat checkWritable(Path out) throws ImageOutputException {
        ImageFormat format = ImageFormat.ofExtension(out).orElseThrow(() -> new ImageOutputException(out,
                "unsupported output format; use " + ImageFormat.writableExtensions()));
        if (!format.writable()) {
            throw new ImageOutputException(out, "cannot write WebP; use .png or .jpg");
        }
        Path folder = out.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            throw new ImageOutputException(out, "the output folder " + folder + " does not exist");
        }
        if (Files.isDirectory(out)) {
            throw new ImageOutputException(out, "is a folder, not a file name");
        }
        return format;
    }

    private static boolean isSameFile(Path a, Path b) {
        if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
            return true;
        }
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static Path createTemp(Path out) throws ImageOutputException {
        Path name = out.getFileName();
        String suffix = Long.toUnsignedString(RANDOM.nextLong(), 36);
        Path temp = out.toAbsolutePath().resolveSibling("." + name + "." + suffix + ".tmp");
        try {
            // Not Files.createTempFile: its owner-only permissions would stay on the renamed photo.
            return Files.createFile(temp);
        } catch (IOException e) {
            throw new ImageOutputException(out,
                    "cannot create a file in " + temp.getParent() + " (" + PhotoReader.oneLine(e) + ")", e);
        }
    }

    private static void encode(ImageFormat format, BufferedImage image, WriteOptions options, ImageOutputStream stream)
            throws IOException {
        ImageWriter writer = writerFor(format);
        try {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            ICC_Profile profile = format == ImageFormat.BMP ? null : matching(options.iccProfile(), image);
            BufferedImage labelled = profile == null ? image : labelled(image, profile);
            var type = ImageTypeSpecifier.createFromRenderedImage(labelled);
            IIOMetadata metadata = writer.getDefaultImageMetadata(type, param);
            switch (format) {
                case JPEG -> {
                    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                    param.setCompressionQuality(options.jpegQuality());
                    // The JDK's JPEG writer embeds the image's own colour space profile when the metadata asks for one.
                    if (profile != null) {
                        IccProfiles.embedInJpeg(metadata, profile);
                    }
                }
                case PNG -> {
                    if (profile != null) {
                        IccProfiles.embedInPng(metadata, profile);
                    }
                }
                case TIFF -> {
                    // The JDK's TIFF writer stores the profile of an ICC colour space other than sRGB as tag 34675.
                    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                    param.setCompressionType("LZW");
                }
                default -> {
                }
            }
            writer.write(null, new IIOImage(labelled, null, metadata), param);
        } finally {
            writer.dispose();
        }
    }

    /**
     * The first writer of the format, except for TIFF: the JDK's, since TwelveMonkeys' writes 16 bits
     * for single-band images only.
     */
    private static ImageWriter writerFor(ImageFormat format) {
        ImageWriter chosen = null;
        for (Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName(format.id()); it.hasNext(); ) {
            ImageWriter writer = it.next();
            if (chosen == null || format == ImageFormat.TIFF && writer.getClass().getName().startsWith("com.sun.")) {
                chosen = writer;
            }
        }
        if (chosen == null) {
            throw new IllegalStateException("no " + format.id() + " encoder installed");
        }
        return chosen;
    }

    /** The profile, if it describes colours of the image's kind (grey or RGB). */
    private static ICC_Profile matching(ICC_Profile profile, BufferedImage image) {
        ColorModel cm = image.getColorModel();
        return profile != null && cm instanceof ComponentColorModel
                && profile.getColorSpaceType() == cm.getColorSpace().getType() ? profile : null;
    }

    /** The same samples, labelled as being in the profile's colour space (no conversion). */
    private static BufferedImage labelled(BufferedImage image, ICC_Profile profile) {
        ColorModel cm = image.getColorModel();
        ColorSpace cs = new ICC_ColorSpace(profile);
        var relabelled = new ComponentColorModel(cs, cm.getComponentSize(), cm.hasAlpha(), cm.isAlphaPremultiplied(),
                cm.getTransparency(), cm.getTransferType());
        return new BufferedImage(relabelled, image.getRaster(), image.isAlphaPremultiplied(), null);
    }
}
