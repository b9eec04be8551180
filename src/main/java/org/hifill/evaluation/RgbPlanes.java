package org.hifill.evaluation;

import java.awt.image.BufferedImage;
import org.hifill.pipeline.HoleMask;

/** Reading the 8-bit sRGB channels of images for the metrics, row by row through {@code getRGB}. */
final class RgbPlanes {

    static final int CHANNELS = 3;

    private RgbPlanes() {
    }

    static void requireSameSize(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            throw new IllegalArgumentException("images differ in size: " + a.getWidth() + "x" + a.getHeight()
                    + " and " + b.getWidth() + "x" + b.getHeight());
        }
    }

    static void requireFits(HoleMask mask, BufferedImage image) {
        if (mask.width() != image.getWidth() || mask.height() != image.getHeight()) {
            throw new IllegalArgumentException("a " + mask.width() + "x" + mask.height() + " mask does not fit a "
                    + image.getWidth() + "x" + image.getHeight() + " image");
        }
    }

    /** One row of packed ARGB pixels. */
    static int[] row(BufferedImage image, int y, int[] buffer) {
        return image.getRGB(0, y, image.getWidth(), 1, buffer, 0, image.getWidth());
    }

    /** Channel {@code c} (0 red, 1 green, 2 blue) of a packed ARGB pixel, 0..255. */
    static int channel(int argb, int c) {
        return (argb >>> (16 - 8 * c)) & 0xff;
    }

    /** Channel {@code c} of the whole image as a row-major plane of 0..255 values. */
    static float[] plane(BufferedImage image, int c) {
        int width = image.getWidth();
        int height = image.getHeight();
        float[] plane = new float[width * height];
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            row(image, y, row);
            for (int x = 0; x < width; x++) {
                plane[y * width + x] = channel(row[x], c);
            }
        }
        return plane;
    }

    /** An 8-bit RGB image of {@code 3 x height x width} planes of 0..255 values, rounded and clipped. */
    static BufferedImage image(float[] planes, int width, int height) {
        int plane = width * height;
        if (planes.length != CHANNELS * plane) {
            throw new IllegalArgumentException(planes.length + " values are not 3 planes of " + width + "x" + height);
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = y * width + x;
                row[x] = byteOf(planes[p]) << 16 | byteOf(planes[plane + p]) << 8 | byteOf(planes[2 * plane + p]);
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        return image;
    }

    private static int byteOf(float value) {
        return Math.max(0, Math.min(255, Math.round(value)));
    }
}
