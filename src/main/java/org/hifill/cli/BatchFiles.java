package org.hifill.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** The photos of a batch folder and the matching of masks by file name (extension aside). */
final class BatchFiles {

    static final List<String> EXTENSIONS = List.of("jpg", "jpeg", "png", "webp", "bmp", "tif", "tiff");

    private BatchFiles() {}

    /** The image files of a folder, sorted by name. */
    static List<Path> photos(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": not a folder");
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isRegularFile).filter(BatchFiles::isImage).sorted().toList();
        }
    }

    /** Files by base name; of two with the same base name the first in name order wins. */
    static Map<String, Path> byBaseName(List<Path> files) {
        Map<String, Path> map = new LinkedHashMap<>();
        files.forEach(f -> map.putIfAbsent(baseName(f), f));
        return map;
    }

    static boolean isImage(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1));
    }

    /** The output file name for a photo: its own, except that WebP (which hifill cannot write) becomes PNG. */
    static String outputName(Path photo) {
        String name = photo.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(".webp") ? baseName(photo) + ".png" : name;
    }

    static String baseName(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
