package org.hifill.pipeline;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * How CRA brings the photo down to network size. Averaging is the pipeline's (paper Fig. 3:
 * it works best); the others are the point interpolations of Fig. 3's comparison, which sample
 * the photo at the output pixels' centres without a low-pass filter first, so fine detail aliases.
 */
public enum DownSampling {
    AVERAGING(null),
    NEAREST(Interpolation.NEAREST),
    BILINEAR(Interpolation.BILINEAR),
    BICUBIC(Interpolation.BICUBIC);

    private final Interpolation interpolation;

    DownSampling(Interpolation interpolation) {
        this.interpolation = interpolation;
    }

    /** Lower-case name, as on the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The region of the photo at size {@code out}: an RGB image in planes (CHW), 0..255. */
    public float[] downsample(BufferedImage photo, Rectangle region, NetworkSize out) {
        if (interpolation == null) {
            return AreaDownsampler.downsample(photo, region, out);
        }
        float[] planes = AreaDownsampler.resample(photo, region, out, interpolation.taps(region.height, out.height()),
                interpolation.taps(region.width, out.width()));
        // Cubic weights go negative: clip the overshoot at edges back into range.
        for (int i = 0; i < planes.length; i++) {
            planes[i] = Math.max(0f, Math.min(255f, planes[i]));
        }
        return planes;
    }
}
