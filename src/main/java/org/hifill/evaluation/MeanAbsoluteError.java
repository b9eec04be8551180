package org.hifill.evaluation;

import java.awt.image.BufferedImage;
import org.hifill.pipeline.HoleMask;

/**
 * Mean L1 error on the 0..255 scale, averaged over pixels and the 3 RGB channels: the "L1" column
 * of HiFill's Table 2 (whole image), and the same over the hole only.
 */
public final class MeanAbsoluteError {

    private MeanAbsoluteError() {
    }

    /** Mean of |a - b| over every pixel and channel. */
    public static double whole(BufferedImage a, BufferedImage b) {
        return of(DifferenceSums.whole(a, b));
    }

    /** Mean of |a - b| over the hole pixels of {@code mask} and the channels; the mask must not be empty. */
    public static double hole(BufferedImage a, BufferedImage b, HoleMask mask) {
        return of(DifferenceSums.hole(a, b, mask));
    }

    private static double of(DifferenceSums sums) {
        return sums.absolute() / sums.samples();
    }
}
