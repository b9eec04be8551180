package org.hifill.evaluation;

import java.awt.image.BufferedImage;
import java.util.Random;

/** Small RGB images for the metric tests. */
final class TestImages {

    private TestImages() {
    }

    static BufferedImage of(int width, int height, int[][] rgbRows) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int[] p = rgbRows[y * width + x];
                image.setRGB(x, y, rgb(p[0], p[1], p[2]));
            }
        }
        return image;
    }

    static BufferedImage constant(int width, int height, int r, int g, int b) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rgb(r, g, b));
            }
        }
        return image;
    }

    /** Smooth gradients plus texture, so that every scale has structure. */
    static BufferedImage textured(int width, int height, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = clamp(60 + 120.0 * x / width + 20 * random.nextGaussian());
                int g = clamp(200 - 120.0 * y / height + 40 * Math.sin(x / 7.0) + 10 * random.nextGaussian());
                int b = clamp(((x / 16 + y / 16) % 2) * 120 + 60 + 15 * random.nextGaussian());
                image.setRGB(x, y, rgb(r, g, b));
            }
        }
        return image;
    }

    /** {@code image} plus Gaussian noise of the given deviation on every channel, clamped to 0..255. */
    static BufferedImage noisy(BufferedImage image, double sigma, long seed) {
        Random random = new Random(seed);
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                out.setRGB(x, y, rgb(clamp((p >> 16 & 0xff) + sigma * random.nextGaussian()),
                        clamp((p >> 8 & 0xff) + sigma * random.nextGaussian()),
                        clamp((p & 0xff) + sigma * random.nextGaussian())));
            }
        }
        return out;
    }

    static int channel(BufferedImage image, int x, int y, int c) {
        return image.getRGB(x, y) >> (16 - 8 * c) & 0xff;
    }

    static int rgb(int r, int g, int b) {
        return r << 16 | g << 8 | b;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
