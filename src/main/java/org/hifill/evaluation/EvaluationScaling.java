package org.hifill.evaluation;

import java.awt.Dimension;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import org.hifill.pipeline.DownSampling;
import org.hifill.pipeline.HoleMask;
import org.hifill.pipeline.Interpolation;
import org.hifill.pipeline.NetworkSize;
import org.hifill.pipeline.Upsampler;

/**
 * Brings a photo and its mask to an evaluation size, as the paper evaluates each method on the
 * same photos at several resolutions: the long side becomes the size, the aspect ratio is kept.
 * Photos are area-averaged down (a faithful smaller photo) or, when smaller than the size,
 * bicubic up (their detail at that size is then made up, and every method starts from it). Masks
 * are scaled nearest-neighbour, so a hole keeps its shape and a pixel is either hole or not.
 */
final class EvaluationScaling {

    private EvaluationScaling() {}

    /** The size with long side {@code longSide} and the short side in proportion (at least 1). */
    static Dimension size(int width, int height, int longSide) {
        if (width >= height) {
            return new Dimension(longSide, Math.max(1, (int) Math.round((double) height * longSide / width)));
        }
        return new Dimension(Math.max(1, (int) Math.round((double) width * longSide / height)), longSide);
    }

    /** The photo at {@code size}, as 8-bit RGB. */
    static BufferedImage photo(BufferedImage photo, Dimension size) {
        int w = photo.getWidth();
        int h = photo.getHeight();
        Rectangle whole = new Rectangle(w, h);
        if (size.width <= w && size.height <= h) {
            return RgbPlanes.image(DownSampling.AVERAGING.downsample(photo, whole, new NetworkSize(size.height,
                    size.width)), size.width, size.height);
        }
        // Area weights at the photo's own size copy it into planes.
        float[] planes = DownSampling.AVERAGING.downsample(photo, whole, new NetworkSize(h, w));
        Upsampler up = new Upsampler(Interpolation.BICUBIC, h, w, size.height, size.width);
        int plane = size.width * size.height;
        float[] scaled = new float[3 * plane];
        float[] rgb = new float[3 * size.width];
        for (int y = 0; y < size.height; y++) {
            up.sampleRow(planes, y, 0, size.width, rgb);
            for (int x = 0; x < size.width; x++) {
                for (int c = 0; c < 3; c++) {
                    scaled[c * plane + y * size.width + x] = rgb[3 * x + c];
                }
            }
        }
        return RgbPlanes.image(scaled, size.width, size.height);
    }

    /** The mask at {@code size}: each pixel takes the mask pixel under its centre. */
    static HoleMask mask(HoleMask mask, Dimension size) {
        HoleMask out = new HoleMask(size.width, size.height);
        int[] columns = new int[size.width];
        for (int x = 0; x < size.width; x++) {
            columns[x] = (int) ((2L * x + 1) * mask.width() / (2L * size.width));
        }
        for (int y = 0; y < size.height; y++) {
            int sy = (int) ((2L * y + 1) * mask.height() / (2L * size.height));
            for (int x = 0; x < size.width; x++) {
                if (mask.isHole(columns[x], sy)) {
                    out.setHole(x, y, true);
                }
            }
        }
        return out;
    }
}
