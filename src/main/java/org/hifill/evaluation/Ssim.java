package org.hifill.evaluation;

import java.awt.image.BufferedImage;

/**
 * SSIM (Wang, Bovik, Sheikh, Simoncelli 2004), as in the authors' {@code ssim_index.m}: an 11x11
 * Gaussian window with sigma 1.5, K1 0.01, K2 0.03, L 255, the window applied only where it fits
 * (a "valid" map, no padding, no automatic down-sampling), the result the mean of the map. RGB
 * images: SSIM of each channel, averaged over the 3 channels.
 */
public final class Ssim {

    /** Side of the Gaussian window; images must be at least this large. */
    public static final int WINDOW = 11;
    static final double SIGMA = 1.5;
    private static final double C1 = Math.pow(0.01 * 255, 2);
    private static final double C2 = Math.pow(0.03 * 255, 2);
    /** The normalised 1-D Gaussian; the 2-D window is its outer product. */
    private static final double[] KERNEL = gaussian();

    private Ssim() {
    }

    /** Mean SSIM of two same-sized images, averaged over R, G and B; 1 for identical images. */
    public static double of(BufferedImage a, BufferedImage b) {
        RgbPlanes.requireSameSize(a, b);
        requireWindowFits(a.getWidth(), a.getHeight());
        double sum = 0;
        for (int c = 0; c < RgbPlanes.CHANNELS; c++) {
            sum += means(RgbPlanes.plane(a, c), RgbPlanes.plane(b, c), a.getWidth(), a.getHeight()).ssim();
        }
        return sum / RgbPlanes.CHANNELS;
    }

    /** Means over the valid region of the SSIM map and of its contrast-structure factor. */
    record Means(double ssim, double contrastStructure) {
    }

    /**
     * The means of the SSIM map and of the contrast-structure map {@code (2 s_xy + C2) / (s_x^2 +
     * s_y^2 + C2)} of two row-major planes. The separable window runs along rows first; a ring of
     * the last 11 filtered rows feeds the vertical pass, so memory stays a few rows whatever the
     * height.
     */
    static Means means(float[] x, float[] y, int width, int height) {
        requireWindowFits(width, height);
        int outWidth = width - WINDOW + 1;
        // ring[row % WINDOW][q][i]: horizontally filtered x, y, x^2, y^2, xy.
        double[][][] ring = new double[WINDOW][5][outWidth];
        double ssimSum = 0;
        double csSum = 0;
        for (int r = 0; r < height; r++) {
            double[][] filtered = ring[r % WINDOW];
            int base = r * width;
            for (int i = 0; i < outWidth; i++) {
                double mx = 0;
                double my = 0;
                double xx = 0;
                double yy = 0;
                double xy = 0;
                for (int k = 0; k < WINDOW; k++) {
                    double g = KERNEL[k];
                    double a = x[base + i + k];
                    double b = y[base + i + k];
                    mx += g * a;
                    my += g * b;
                    xx += g * a * a;
                    yy += g * b * b;
                    xy += g * a * b;
                }
                filtered[0][i] = mx;
                filtered[1][i] = my;
                filtered[2][i] = xx;
                filtered[3][i] = yy;
                filtered[4][i] = xy;
            }
            int top = r - WINDOW + 1;
            if (top < 0) {
                continue;
            }
            for (int i = 0; i < outWidth; i++) {
                double mx = 0;
                double my = 0;
                double xx = 0;
                double yy = 0;
                double xy = 0;
                for (int k = 0; k < WINDOW; k++) {
                    double g = KERNEL[k];
                    double[][] row = ring[(top + k) % WINDOW];
                    mx += g * row[0][i];
                    my += g * row[1][i];
                    xx += g * row[2][i];
                    yy += g * row[3][i];
                    xy += g * row[4][i];
                }
                double varX = xx - mx * mx;
                double varY = yy - my * my;
                double cov = xy - mx * my;
                double cs = (2 * cov + C2) / (varX + varY + C2);
                csSum += cs;
                ssimSum += (2 * mx * my + C1) / (mx * mx + my * my + C1) * cs;
            }
        }
        double n = (double) outWidth * (height - WINDOW + 1);
        return new Means(ssimSum / n, csSum / n);
    }

    private static void requireWindowFits(int width, int height) {
        if (width < WINDOW || height < WINDOW) {
            throw new IllegalArgumentException("SSIM needs images of at least " + WINDOW + "x" + WINDOW
                    + " pixels, not " + width + "x" + height);
        }
    }

    private static double[] gaussian() {
        double[] g = new double[WINDOW];
        double sum = 0;
        for (int k = 0; k < WINDOW; k++) {
            double d = k - (WINDOW - 1) / 2.0;
            g[k] = Math.exp(-d * d / (2 * SIGMA * SIGMA));
            sum += g[k];
        }
        for (int k = 0; k < WINDOW; k++) {
            g[k] /= sum;
        }
        return g;
    }
}
