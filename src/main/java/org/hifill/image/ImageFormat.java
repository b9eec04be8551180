package org.hifill.image;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The image file formats hifill reads, recognised by their leading bytes, and written, chosen by extension. */
public enum ImageFormat {
    JPEG(List.of("jpg", "jpeg"), true, "image/jpeg"),
    PNG(List.of("png"), true, "image/png"),
    WEBP(List.of("webp"), false, "image/webp"),
    BMP(List.of("bmp"), true, "image/bmp"),
    TIFF(List.of("tif", "tiff"), true, "image/tiff");

    /** Bytes {@link #sniff} needs to recognise every format. */
    static final int SIGNATURE_LENGTH = 16;

    private final List<String> extensions;
    private final boolean writable;
    private final String mediaType;

    ImageFormat(List<String> extensions, boolean writable, String mediaType) {
        this.extensions = extensions;
        this.writable = writable;
        this.mediaType = mediaType;
    }

    /** The lower-case name, also the ImageIO format name: jpeg, png, webp, bmp, tiff. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean writable() {
        return writable;
    }

    /** The HTTP Content-Type, e.g. image/jpeg. */
    public String mediaType() {
        return mediaType;
    }

    /** The format with this id or extension (any case): jpeg, jpg, png, webp, bmp, tif, tiff. */
    public static Optional<ImageFormat> named(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (ImageFormat f : values()) {
            if (f.id().equals(lower) || f.extensions.contains(lower)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The format whose signature starts {@code head}, if any. */
    static Optional<ImageFormat> sniff(byte[] head) {
        if (startsWith(head, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (startsWith(head, 0, 'R', 'I', 'F', 'F') && startsWith(head, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of(WEBP);
        }
        if (startsWith(head, 0, 'B', 'M')) {
            return Optional.of(BMP);
        }
        if (startsWith(head, 0, 'I', 'I', 42, 0) || startsWith(head, 0, 'M', 'M', 0, 42)) {
            return Optional.of(TIFF);
        }
        return Optional.empty();
    }

    /** A name for well-known image formats hifill does not read, for a helpful error; empty if unknown. */
    static Optional<String> unsupportedName(byte[] head) {
        if (startsWith(head, 0, 'G', 'I', 'F', '8')) {
            return Optional.of("GIF");
        }
        if (startsWith(head, 4, 'f', 't', 'y', 'p')) {
            // ISO media file: the brand says HEIC (phones), AVIF or a video.
            String brand = new String(head, 8, 4, StandardCharsets.US_ASCII).trim();
            return Optional.of(brand.startsWith("avi") ? "AVIF" : brand.startsWith("hei") || brand.startsWith("mif")
                    ? "HEIC/HEIF" : "ISO media (" + brand + ")");
        }
        if (startsWith(head, 0, '%', 'P', 'D', 'F')) {
            return Optional.of("PDF");
        }
        return Optional.empty();
    }

    /** The format a file name's extension asks for, if it is one of the known ones. */
    static Optional<ImageFormat> ofExtension(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (ImageFormat f : values()) {
            if (f.extensions.contains(ext)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** ".jpg, .jpeg, .png, .bmp, .tif, .tiff" */
    static String writableExtensions() {
        StringBuilder s = new StringBuilder();
        for (ImageFormat f : values()) {
            if (f.writable) {
                for (String e : f.extensions) {
                    s.append(s.isEmpty() ? "." : ", .").append(e);
                }
            }
        }
        return s.toString();
    }

    private static boolean startsWith(byte[] head, int offset, int... signature) {
        if (head.length < offset + signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((head[offset + i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
