package org.hifill.evaluation;

import java.awt.image.BufferedImage;
import org.hifill.pipeline.HoleMask;

/**
 * Sums of absolute and squared channel differences of two images (0..255 scale), over every
 * pixel or over the hole of a mask; {@code samples} counts pixels times 3 channels.
 */
record DifferenceSums(double absolute, double squared, long samples) {

    static DifferenceSums whole(BufferedImage a, BufferedImage b) {
        return over(a, b, null);
    }

    static DifferenceSums hole(BufferedImage a, BufferedImage b, HoleMask mask) {
        RgbPlanes.requireFits(mask, a);
        if (mask.isEmpty()) {
            throw new IllegalArgumentException("the mask has no hole pixel");
        }
        return over(a, b, mask);
    }

    private static DifferenceSums over(BufferedImage a, BufferedImage b, HoleMask mask) {
        RgbPlanes.requireSameSize(a, b);
        int width = a.getWidth();
        int[] rowA = new int[width];
        int[] rowB = new int[width];
        long absolute = 0;
        long squared = 0;
        long pixels = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            RgbPlanes.row(a, y, rowA);
            RgbPlanes.row(b, y, rowB);
            for (int x = 0; x < width; x++) {
                if (mask != null && !mask.isHole(x, y)) {
                    continue;
                }
                pixels++;
                for (int c = 0; c < RgbPlanes.CHANNELS; c++) {
                    int d = RgbPlanes.channel(rowA[x], c) - RgbPlanes.channel(rowB[x], c);
                    absolute += Math.abs(d);
                    squared += (long) d * d;
                }
            }
        }
        return new DifferenceSums(absolute, squared, pixels * RgbPlanes.CHANNELS);
    }
}
