package org.hifill.image;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.imaging.tiff.TiffMetadataReader;
import com.drew.lang.ByteArrayReader;
import com.drew.metadata.Metadata;
import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;

/**
 * Where the bytes of a photo or mask are: a file, or an upload held in memory (the server never
 * writes uploads to disk). Its name stands for it in error messages.
 */
abstract class ImageSource {

    static ImageSource of(Path file) {
        return new FileSource(file);
    }

    static ImageSource of(byte[] bytes, String name) {
        return new BytesSource(bytes, name);
    }

    /** The file's path, or the upload's name. */
    abstract String name();

    /** Up to {@code n} leading bytes; fails with a one-line reason if the file cannot be read. */
    abstract byte[] head(int n) throws ImageFormatException;

    /** The last {@code n} bytes (fewer if it is shorter). */
    abstract byte[] tail(int n) throws IOException;

    abstract ImageInputStream open() throws IOException;

    /** The metadata (EXIF and others) as metadata-extractor reads it. */
    abstract Metadata metadata(ImageFormat format) throws ImageProcessingException, IOException;

    ImageFormatException problem(String problem) {
        return new ImageFormatException(name(), problem);
    }

    ImageFormatException problem(String problem, Throwable cause) {
        return new ImageFormatException(name(), problem, cause);
    }

    private static final class FileSource extends ImageSource {
        private final Path file;

        FileSource(Path file) {
            this.file = file;
        }

        @Override
        String name() {
            return file.toString();
        }

        @Override
        byte[] head(int n) throws ImageFormatException {
            if (!Files.exists(file)) {
                throw problem("file not found");
            }
            if (Files.isDirectory(file)) {
                throw problem("is a folder, not an image");
            }
            if (!Files.isReadable(file)) {
                throw problem("cannot be read (permission denied)");
            }
            try (InputStream in = Files.newInputStream(file)) {
                return in.readNBytes(n);
            } catch (IOException e) {
                throw problem("cannot be read (" + PhotoReader.oneLine(e) + ")", e);
            }
        }

        @Override
        byte[] tail(int n) throws IOException {
            try (var in = new RandomAccessFile(file.toFile(), "r")) {
                byte[] tail = new byte[(int) Math.min(n, in.length())];
                in.seek(in.length() - tail.length);
                in.readFully(tail);
                return tail;
            }
        }

        @Override
        ImageInputStream open() throws IOException {
            return new FileImageInputStream(file.toFile());
        }

        @Override
        Metadata metadata(ImageFormat format) throws ImageProcessingException, IOException {
            // A TIFF's directories may follow its pixels: read it with seeks, not as a buffered stream.
            return format == ImageFormat.TIFF ? TiffMetadataReader.readMetadata(file.toFile())
                    : ImageMetadataReader.readMetadata(file.toFile());
        }
    }

    private static final class BytesSource extends ImageSource {
        private final byte[] bytes;
        private final String name;

        BytesSource(byte[] bytes, String name) {
            this.bytes = bytes;
            this.name = name;
        }

        @Override
        String name() {
            return name;
        }

        @Override
        byte[] head(int n) {
            return Arrays.copyOf(bytes, Math.min(n, bytes.length));
        }

        @Override
        byte[] tail(int n) {
            return Arrays.copyOfRange(bytes, Math.max(0, bytes.length - n), bytes.length);
        }

        @Override
        ImageInputStream open() {
            return new ByteArrayImageInputStream(bytes);
        }

        @Override
        Metadata metadata(ImageFormat format) throws ImageProcessingException, IOException {
            return format == ImageFormat.TIFF ? TiffMetadataReader.readMetadata(new ByteArrayReader(bytes))
                    : ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
        }
    }
}
