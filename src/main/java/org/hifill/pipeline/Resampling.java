package org.hifill.pipeline;

/**
 * The resampling around the network in CRA: {@code down} makes the network's input (and, brought
 * back up, the blurry image whose difference from the photo is the residual); {@code up} brings
 * the blurry image and the network's fill to full size. The paper's choice (Fig. 3) is averaging
 * down and bilinear up; the other pairs exist for the ablation.
 */
public record Resampling(DownSampling down, Interpolation up) {

    /** Averaging down, bilinear up. */
    public static final Resampling PAPER = new Resampling(DownSampling.AVERAGING, Interpolation.BILINEAR);

    public Resampling {
        if (down == null || up == null) {
            throw new IllegalArgumentException("both down- and up-sampling must be set");
        }
    }
}
