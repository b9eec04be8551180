package org.hifill.training.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hifill.image.PhotoReader;
import org.hifill.masks.MaskGenerator;

/**
 * Fixed validation samples: the centre crop ({@link RandomCrops#centre}) of each validation photo
 * with a mask drawn from a fixed seed, the same every time for the same photos and mask settings,
 * so that validation losses of different runs and steps compare.
 */
public final class ValidationSet {

    /** The seed of the validation masks. */
    public static final long MASK_SEED = 20200614L;

    /**
     * One validation sample.
     *
     * @param photo the file the crop comes from
     * @param image {@code 3 x S x S}, RGB planes in [-1, 1]
     * @param mask {@code S x S}, 1 in the hole
     */
    public record Sample(Path photo, float[] image, float[] mask) {
    }

    private final int size;
    private final List<Sample> samples;

    private ValidationSet(int size, List<Sample> samples) {
        this.size = size;
        this.samples = List.copyOf(samples);
    }

    /** Reads every photo once; masks come from {@link #MASK_SEED}, one after another in photo order. */
    public static ValidationSet of(PhotoDataset photos, RandomCrops crops, MaskGenerator masks) throws IOException {
        Random random = new Random(MASK_SEED);
        List<Sample> samples = new ArrayList<>();
        for (Path photo : photos.files()) {
            float[] image = crops.centre(PhotoReader.read(photo).image());
            samples.add(new Sample(photo, image, masks.next(crops.size(), random).toArray()));
        }
        return new ValidationSet(crops.size(), samples);
    }

    /** Side of the square crops. */
    public int size() {
        return size;
    }

    public List<Sample> samples() {
        return samples;
    }

    /** The samples in batches of at most {@code batchSize}, in order. */
    public List<Batch> batches(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, not " + batchSize);
        }
        List<Batch> batches = new ArrayList<>();
        for (int from = 0; from < samples.size(); from += batchSize) {
            List<Sample> part = samples.subList(from, Math.min(samples.size(), from + batchSize));
            batches.add(Batch.pack(size, part.stream().map(Sample::image).toList(), part.stream().map(Sample::mask).toList()));
        }
        return batches;
    }
}
