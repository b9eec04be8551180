package org.hifill.training.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listing the photos of training folders. */
class PhotoDatasetTest {

    @Test
    void listsJpegPngAndWebpFilesOfTheFoldersAndSubfoldersInSortedOrder(@TempDir Path tmp) throws IOException {
        Path first = tmp.resolve("first");
        Path second = tmp.resolve("second");
        for (String name : new String[] {"b.jpg", "a/z.PNG", "a/y.webp", "c.jpeg", "notes.txt", "anim.gif", "noext"}) {
            touch(first.resolve(name));
        }
        touch(second.resolve("0.png"));

        PhotoDataset dataset = PhotoDataset.scan(first, second);

        assertThat(dataset.files()).containsExactly(first.resolve("a/y.webp"), first.resolve("a/z.PNG"),
                first.resolve("b.jpg"), first.resolve("c.jpeg"), second.resolve("0.png"));
        assertThat(dataset.size()).isEqualTo(5);
    }

    @Test
    void aFolderWithoutPhotosIsAnErrorNamingIt(@TempDir Path tmp) throws IOException {
        Path photos = tmp.resolve("photos");
        Path empty = tmp.resolve("empty");
        touch(photos.resolve("p.jpg"));
        touch(empty.resolve("readme.txt"));

        assertThatThrownBy(() -> PhotoDataset.scan(photos, empty)).isInstanceOf(IOException.class)
                .hasMessage(empty + ": no photos (JPEG, PNG or WebP) in this folder or below");
    }

    @Test
    void aMissingFolderIsAnErrorNamingIt(@TempDir Path tmp) {
        Path missing = tmp.resolve("missing");

        assertThatThrownBy(() -> PhotoDataset.scan(missing)).isInstanceOf(IOException.class)
                .hasMessage(missing + ": no such folder of photos");
    }

    private static void touch(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "x");
    }
}
