package org.hifill.training.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.hifill.masks.MaskGenerator;
import org.hifill.masks.MaskSettings;
import org.hifill.masks.ProceduralObjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fixed validation samples. */
class ValidationSetTest {

    private static final int S = 32;

    @Test
    void twoConstructionsGiveIdenticalSamples(@TempDir Path tmp) throws IOException {
        PhotoDataset photos = photos(tmp, 5);

        ValidationSet first = validationSet(photos);
        ValidationSet second = validationSet(photos);

        assertThat(first.samples()).hasSize(5);
        for (int i = 0; i < 5; i++) {
            ValidationSet.Sample a = first.samples().get(i);
            ValidationSet.Sample b = second.samples().get(i);
            assertThat(b.photo()).isEqualTo(a.photo());
            assertThat(b.image()).containsExactly(a.image());
            assertThat(b.mask()).containsExactly(a.mask());
        }
        assertThat(first.samples().get(0).mask()).isNotEqualTo(first.samples().get(1).mask());
    }

    @Test
    void samplesAreCentreCropsInPhotoOrder(@TempDir Path tmp) throws IOException {
        PhotoDataset photos = photos(tmp, 3);
        RandomCrops crops = new RandomCrops(S);

        ValidationSet set = validationSet(photos);

        for (int i = 0; i < 3; i++) {
            ValidationSet.Sample sample = set.samples().get(i);
            assertThat(sample.photo()).isEqualTo(photos.files().get(i));
            assertThat(sample.image()).containsExactly(crops.centre(TrainingPhotos.noise(50 + 7 * i, 40, i)));
            assertThat(sample.mask()).hasSize(S * S);
        }
    }

    @Test
    void batchesKeepTheSamplesInOrder(@TempDir Path tmp) throws IOException {
        ValidationSet set = validationSet(photos(tmp, 5));

        List<Batch> batches = set.batches(2);

        assertThat(batches).extracting(Batch::count).containsExactly(2, 2, 1);
        assertThat(Arrays.copyOfRange(batches.get(1).masks(), S * S, 2 * S * S))
                .containsExactly(set.samples().get(3).mask());
    }

    private static ValidationSet validationSet(PhotoDataset photos) throws IOException {
        return ValidationSet.of(photos, new RandomCrops(S),
                new MaskGenerator(new ProceduralObjects(), MaskSettings.defaults()));
    }

    private static PhotoDataset photos(Path folder, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            TrainingPhotos.png(folder, "val-" + i + ".png", TrainingPhotos.noise(50 + 7 * i, 40, i));
        }
        return PhotoDataset.scan(folder);
    }
}
