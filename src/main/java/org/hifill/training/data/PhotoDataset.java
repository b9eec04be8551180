package org.hifill.training.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The photos of one or more folders and their subfolders (JPEG, PNG and WebP, by file name), in a
 * fixed order: folder by folder as given, each sorted by path, so that a seed picks the same
 * photos on every machine.
 */
public final class PhotoDataset {

    private static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "png", "webp");

    private final List<Path> files;

    private PhotoDataset(List<Path> files) {
        this.files = List.copyOf(files);
    }

    /** Lists the folders; each must exist and hold at least one photo. */
    public static PhotoDataset scan(List<Path> folders) throws IOException {
        if (folders.isEmpty()) {
            throw new IllegalArgumentException("no photo folders given");
        }
        Set<Path> files = new LinkedHashSet<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                throw new IOException(folder + ": no such folder of photos");
            }
            List<Path> photos;
            try (Stream<Path> walk = Files.walk(folder)) {
                photos = walk.filter(Files::isRegularFile).filter(PhotoDataset::isPhotoName).sorted().toList();
            }
            if (photos.isEmpty()) {
                throw new IOException(folder + ": no photos (JPEG, PNG or WebP) in this folder or below");
            }
            files.addAll(photos);
        }
        return new PhotoDataset(new ArrayList<>(files));
    }

    public static PhotoDataset scan(Path... folders) throws IOException {
        return scan(List.of(folders));
    }

    public List<Path> files() {
        return files;
    }

    public int size() {
        return files.size();
    }

    private static boolean isPhotoName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
