package org.hifill.evaluation;

import java.awt.image.BufferedImage;

/**
 * Multi-scale SSIM (Wang, Simoncelli, Bovik 2003), as in the authors' {@code msssim.m}: 5 scales
 * with weights 0.0448, 0.2856, 0.3001, 0.2363, 0.1333; {@link Ssim}'s window and constants at each
 * scale; 2x2 average pooling between scales (an odd last row or column is dropped). The result is
 * {@code prod_{j<5} cs_j^w_j * ssim_5^w_5} with cs_j the mean contrast-structure map at scale j and
 * ssim_5 the mean SSIM map (luminance times cs) at the coarsest scale. Negative terms are clamped
 * to 0 before the powers, as TensorFlow's {@code ssim_multiscale} and pytorch-msssim do. RGB: the
 * MS-SSIM of each channel, averaged over the 3 channels.
 */
public final class MsSsim {

    static final double[] WEIGHTS = {0.0448, 0.2856, 0.3001, 0.2363, 0.1333};
    /** Smallest side for which the window still fits at the coarsest scale: 11 * 2^4. */
    public static final int MIN_SIZE = Ssim.WINDOW << (WEIGHTS.length - 1);

    private MsSsim() {
    }

    /**
     * MS-SSIM of two same-sized images; 1 for identical images.
     *
     * @throws IllegalArgumentException if either side is below {@link #MIN_SIZE} (176) pixels
     */
    public static double of(BufferedImage a, BufferedImage b) {
        RgbPlanes.requireSameSize(a, b);
        int width = a.getWidth();
        int height = a.getHeight();
        if (width < MIN_SIZE || height < MIN_SIZE) {
            throw new IllegalArgumentException("MS-SSIM with " + WEIGHTS.length + " scales needs images of at least "
                    + MIN_SIZE + "x" + MIN_SIZE + " pixels, not " + width + "x" + height);
        }
        double sum = 0;
        for (int c = 0; c < RgbPlanes.CHANNELS; c++) {
            sum += channel(RgbPlanes.plane(a, c), RgbPlanes.plane(b, c), width, height);
        }
        return sum / RgbPlanes.CHANNELS;
    }

    private static double channel(float[] x, float[] y, int width, int height) {
        double product = 1;
        for (int scale = 0; scale < WEIGHTS.length; scale++) {
            Ssim.Means means = Ssim.means(x, y, width, height);
            boolean coarsest = scale == WEIGHTS.length - 1;
            double term = coarsest ? means.ssim() : means.contrastStructure();
            product *= Math.pow(Math.max(term, 0), WEIGHTS[scale]);
            if (!coarsest) {
                x = halve(x, width, height);
                y = halve(y, width, height);
                width /= 2;
                height /= 2;
            }
        }
        return product;
    }

    /** 2x2 average pooling. Averages of 8-bit values over 4^k pixels stay exact in a float. */
    static float[] halve(float[] plane, int width, int height) {
        int w = width / 2;
        int h = height / 2;
        float[] out = new float[w * h];
        for (int j = 0; j < h; j++) {
            int top = 2 * j * width;
            int bottom = top + width;
            for (int i = 0; i < w; i++) {
                out[j * w + i] = (plane[top + 2 * i] + plane[top + 2 * i + 1]
                        + plane[bottom + 2 * i] + plane[bottom + 2 * i + 1]) / 4f;
            }
        }
        return out;
    }
}
