package org.hifill.training.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hifill.masks.MaskGenerator;
import org.hifill.masks.MaskSettings;
import org.hifill.masks.ProceduralObjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Background batch building: reproducibility, shapes, epochs, shutdown and unreadable photos. */
class BatchLoaderTest {

    private static final int S = 32;
    private static final Color[] COLOURS = {Color.RED, Color.GREEN, Color.BLUE, Color.WHITE, Color.BLACK};

    private final RandomCrops crops = new RandomCrops(S);
    private final MaskGenerator masks = new MaskGenerator(new ProceduralObjects(), MaskSettings.defaults());

    @Test
    void theSameSeedGivesTheSameBatchesWithOneThreadOrThree(@TempDir Path tmp) throws IOException {
        PhotoDataset photos = noisePhotos(tmp, 7);

        List<Batch> one = batches(photos, LoaderOptions.of(3, 42).withThreads(1), 8);
        List<Batch> three = batches(photos, LoaderOptions.of(3, 42).withThreads(3), 8);
        List<Batch> otherSeed = batches(photos, LoaderOptions.of(3, 43).withThreads(3), 1);

        for (int b = 0; b < one.size(); b++) {
            assertThat(three.get(b).images()).as("batch %d images", b).containsExactly(one.get(b).images());
            assertThat(three.get(b).masks()).as("batch %d masks", b).containsExactly(one.get(b).masks());
        }
        assertThat(otherSeed.get(0).images()).isNotEqualTo(one.get(0).images());
    }

    @Test
    void batchesHoldCountCropsAndBinaryMasksWithinTheHoleBounds(@TempDir Path tmp) throws IOException {
        Batch batch = batches(noisePhotos(tmp, 3), LoaderOptions.of(4, 1), 1).get(0);

        assertThat(batch.count()).isEqualTo(4);
        assertThat(batch.size()).isEqualTo(S);
        assertThat(batch.images()).hasSize(4 * 3 * S * S);
        assertThat(batch.masks()).hasSize(4 * S * S);
        for (float v : batch.images()) {
            assertThat(v).isBetween(-1f, 1f);
        }
        for (int i = 0; i < 4; i++) {
            double holes = 0;
            for (int p = i * S * S; p < (i + 1) * S * S; p++) {
                assertThat(batch.masks()[p]).isIn(0f, 1f);
                holes += batch.masks()[p];
            }
            assertThat(holes / (S * S)).isBetween(0.05, 0.30);
        }
    }

    @Test
    void eachEpochUsesEveryPhotoOnce(@TempDir Path tmp) throws IOException {
        for (int i = 0; i < COLOURS.length; i++) {
            TrainingPhotos.png(tmp, i + ".png", TrainingPhotos.solid(40, 40, COLOURS[i]));
        }
        PhotoDataset photos = PhotoDataset.scan(tmp);

        // Batches of 2 over 5 photos: samples 0-4 are epoch 0, 5-9 epoch 1, across batch borders.
        List<Batch> batches = batches(photos, LoaderOptions.of(2, 3), 5);
        List<Integer> seen = new ArrayList<>();
        for (Batch batch : batches) {
            for (int i = 0; i < batch.count(); i++) {
                seen.add(colourIndex(batch, i));
            }
        }

        assertThat(new HashSet<>(seen.subList(0, 5))).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
        assertThat(new HashSet<>(seen.subList(5, 10))).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
        assertThat(seen.subList(0, 5)).isNotEqualTo(seen.subList(5, 10));
    }

    @Test
    void closingStopsTheThreads(@TempDir Path tmp) throws IOException {
        PhotoDataset photos = noisePhotos(tmp, 2);
        BatchLoader loader = new BatchLoader(photos, crops, masks, LoaderOptions.of(2, 5).withThreads(3));
        loader.next();
        assertThat(loaderThreads()).hasSize(3);

        loader.close();

        assertThat(loaderThreads()).isEmpty();
        assertThatThrownBy(loader::next).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anUnreadablePhotoFailsItsBatchWithAnErrorNamingIt(@TempDir Path tmp) throws IOException {
        Path broken = tmp.resolve("broken.jpg");
        Files.write(broken, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F'});

        try (BatchLoader loader = new BatchLoader(PhotoDataset.scan(tmp), crops, masks, LoaderOptions.of(2, 5))) {
            assertThatThrownBy(loader::next).isInstanceOf(IOException.class).hasMessageStartingWith(broken + ": ");
        }
    }

    private List<Batch> batches(PhotoDataset photos, LoaderOptions options, int count) throws IOException {
        List<Batch> batches = new ArrayList<>();
        try (BatchLoader loader = new BatchLoader(photos, crops, masks, options)) {
            for (int b = 0; b < count; b++) {
                batches.add(loader.next());
            }
        }
        return batches;
    }

    private static PhotoDataset noisePhotos(Path folder, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            TrainingPhotos.png(folder, "photo-" + i + ".png", TrainingPhotos.noise(60 + 10 * i, 50, i));
        }
        return PhotoDataset.scan(folder);
    }

    /** Which of {@link #COLOURS} sample i of the batch shows (its top-left pixel). */
    private static int colourIndex(Batch batch, int i) {
        int plane = S * S;
        int base = i * 3 * plane;
        for (int c = 0; c < COLOURS.length; c++) {
            Color colour = COLOURS[c];
            if (near(batch.images()[base], colour.getRed()) && near(batch.images()[base + plane], colour.getGreen())
                    && near(batch.images()[base + 2 * plane], colour.getBlue())) {
                return c;
            }
        }
        throw new AssertionError("sample " + i + " shows none of the colours");
    }

    private static boolean near(float value, int sample) {
        return Math.abs(value - (sample / 127.5f - 1f)) < 1e-4f;
    }

    private static Set<Thread> loaderThreads() {
        Set<Thread> threads = new HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith(BatchLoader.THREAD_PREFIX) && t.isAlive()) {
                threads.add(t);
            }
        }
        return threads;
    }
}
