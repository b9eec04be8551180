package org.hifill.evaluation;

import java.awt.image.BufferedImage;
import org.hifill.pipeline.HoleMask;

/**
 * The full-reference scores of one filled photo against the original (0..255 scale): mean L1
 * over the whole photo (Table 2's L1) and over the hole, PSNR likewise, SSIM and MS-SSIM over the
 * whole photo. A score the photo is too small for (SSIM below 11 px, MS-SSIM below 176 px) is NaN.
 */
record Scores(double l1, double l1Hole, double psnr, double psnrHole, double ssim, double msSsim) {

    static Scores of(BufferedImage original, BufferedImage filled, HoleMask mask) {
        int side = Math.min(original.getWidth(), original.getHeight());
        return new Scores(MeanAbsoluteError.whole(original, filled), MeanAbsoluteError.hole(original, filled, mask),
                PeakSignalToNoise.whole(original, filled), PeakSignalToNoise.hole(original, filled, mask),
                side >= Ssim.WINDOW ? Ssim.of(original, filled) : Double.NaN,
                side >= MsSsim.MIN_SIZE ? MsSsim.of(original, filled) : Double.NaN);
    }

    static final Scores NONE = new Scores(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
}
