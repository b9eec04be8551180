package org.hifill.evaluation;

import java.awt.image.BufferedImage;
import org.hifill.pipeline.HoleMask;

/**
 * PSNR in dB with peak 255: {@code 10 log10(255^2 / MSE)}, the MSE taken over pixels and the 3 RGB
 * channels. Identical images (MSE 0) give {@link Double#POSITIVE_INFINITY}.
 */
public final class PeakSignalToNoise {

    private static final double PEAK = 255;

    private PeakSignalToNoise() {
    }

    /** PSNR over the whole image. */
    public static double whole(BufferedImage a, BufferedImage b) {
        return of(DifferenceSums.whole(a, b));
    }

    /** PSNR over the hole pixels of {@code mask}; the mask must not be empty. */
    public static double hole(BufferedImage a, BufferedImage b, HoleMask mask) {
        return of(DifferenceSums.hole(a, b, mask));
    }

    private static double of(DifferenceSums sums) {
        if (sums.squared() == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double mse = sums.squared() / sums.samples();
        return 10 * Math.log10(PEAK * PEAK / mse);
    }
}
