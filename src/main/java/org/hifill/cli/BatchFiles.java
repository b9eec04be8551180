package org.hifill.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
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

    /**
     * The image files in a folder and its sub-folders, hidden ones (a name starting with a dot)
     * aside, by their {@linkplain #relativeName relative names}, in order of those names.
     */
    static SortedMap<String, Path> photosUnder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": not a folder");
        }
        SortedMap<String, Path> photos = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).filter(BatchFiles::isImage).forEach(p -> {
                String name = relativeName(dir, p);
                if (!name.startsWith(".") && !name.contains("/.")) {
                    photos.put(name, p);
                }
            });
        }
        return photos;
    }

    /** The file's path inside the folder, with '/' between the names: "a.jpg", "beach/a.jpg". */
    static String relativeName(Path dir, Path file) {
        List<String> names = new ArrayList<>();
        dir.relativize(file).forEach(n -> names.add(n.toString()));
        return String.join("/", names);
    }

    /** A relative name without the file's extension: "beach/a.jpg" becomes "beach/a". */
    static String withoutExtension(String relativeName) {
        int dot = relativeName.lastIndexOf('.');
        return dot > relativeName.lastIndexOf('/') + 1 ? relativeName.substring(0, dot) : relativeName;
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
