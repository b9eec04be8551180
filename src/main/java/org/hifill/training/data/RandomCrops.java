package org.hifill.training.data;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.hifill.pipeline.AreaDownsampler;
import org.hifill.pipeline.NetworkSize;
import org.hifill.pipeline.Upsampler;

/**
 * Square training crops at the training size S (paper section 4: 512 x 512 crops; 256 suits a CPU
 * budget), as RGB planes (CHW) scaled to [-1, 1] by x / 127.5 - 1.
 *
 * <p>A random crop covers a square of side between S and the photo's shorter side, drawn
 * log-uniformly so that each doubling of the zoom is as likely as the next, at a uniform
 * position, area-averaged down to S (paper Fig. 3: averaging is the better down-sampler), and
 * is mirrored left to right half the time. A photo whose shorter side is below S gives its
 * largest square, brought up to S bilinearly.
 */
public final class RandomCrops {

    private final int size;

    public RandomCrops(int size) {
        if (size < 16) {
            throw new IllegalArgumentException("crop size must be at least 16, not " + size);
        }
        this.size = size;
    }

    public int size() {
        return size;
    }

    /** A random crop of the photo: {@code 3 x S x S} values in [-1, 1]. */
    public float[] random(BufferedImage photo, Random random) {
        return render(photo, randomCrop(photo.getWidth(), photo.getHeight(), random));
    }

    /**
     * The crop for validation: the largest centred square, unmirrored, resized to S. That is the
     * widest view training crops take; a native-resolution S x S centre of a 2560 x 1600 photo
     * would often be plain sky or blur.
     */
    public float[] centre(BufferedImage photo) {
        int w = photo.getWidth();
        int h = photo.getHeight();
        int side = Math.min(w, h);
        return render(photo, new Crop((w - side) / 2, (h - side) / 2, side, false));
    }

    /**
     * Where a random crop lies in the photo.
     *
     * @param x left column
     * @param y top row
     * @param side side of the square, in photo pixels
     * @param mirrored whether it is flipped left to right
     */
    record Crop(int x, int y, int side, boolean mirrored) {
    }

    Crop randomCrop(int width, int height, Random random) {
        int shorter = Math.min(width, height);
        int side = shorter <= size ? shorter
                : (int) Math.round(Math.exp(Math.log(size) + random.nextDouble() * Math.log((double) shorter / size)));
        int x = random.nextInt(width - side + 1);
        int y = random.nextInt(height - side + 1);
        return new Crop(x, y, side, random.nextBoolean());
    }

    float[] render(BufferedImage photo, Crop crop) {
        Rectangle region = new Rectangle(crop.x(), crop.y(), crop.side(), crop.side());
        float[] rgb = crop.side() >= size
                ? AreaDownsampler.downsample(photo, region, new NetworkSize(size, size))
                : upsample(AreaDownsampler.downsample(photo, region, new NetworkSize(crop.side(), crop.side())), crop.side());
        int plane = size * size;
        float[] out = new float[3 * plane];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < size; y++) {
                int row = c * plane + y * size;
                for (int x = 0; x < size; x++) {
                    int from = crop.mirrored() ? size - 1 - x : x;
                    // Clamped: area weights can sum to 1 + 1e-7.
                    out[row + x] = Math.min(1f, Math.max(-1f, rgb[row + from] / 127.5f - 1f));
                }
            }
        }
        return out;
    }

    /** Bilinear from {@code side x side} planes (0..255) to {@code S x S} planes. */
    private float[] upsample(float[] small, int side) {
        Upsampler up = Upsampler.bilinear(side, side, size, size);
        int plane = size * size;
        float[] out = new float[3 * plane];
        float[] rgb = new float[3 * size];
        for (int y = 0; y < size; y++) {
            up.sampleRow(small, y, 0, size, rgb);
            for (int x = 0; x < size; x++) {
                for (int c = 0; c < 3; c++) {
                    out[c * plane + y * size + x] = rgb[3 * x + c];
                }
            }
        }
        return out;
    }
}
