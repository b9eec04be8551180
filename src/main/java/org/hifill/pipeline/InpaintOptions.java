package org.hifill.pipeline;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * How to inpaint a photo.
 *
 * @param strategy where CRA runs (whole photo or crops)
 * @param tolerance attention weight each row may leave out in residual aggregation; the result
 *     then differs from the dense sum by at most {@code tolerance * 255} per sample (default
 *     1/512: under half a grey level)
 * @param pictures receives the stage pictures, or {@code null}; only made when residuals are aggregated
 * @param resampling the down- and up-sampling around the network (default: the paper's)
 * @param residuals whether the aggregated context residuals are added to the up-sampled fill
 *     (default); without them the fill is only up-sampled, the naive way that CRA improves on
 *     (paper Fig. 6)
 * @param cancelled asked between the stages of each region and between regions; when it answers
 *     true the inpainting stops there with a {@link CancellationException} (a stage already begun,
 *     such as the network's forward pass, runs to its end)
 */
public record InpaintOptions(Strategy strategy, double tolerance, Intermediates pictures, Resampling resampling,
        boolean residuals, BooleanSupplier cancelled) {

    public static final double DEFAULT_TOLERANCE = 1.0 / 512;

    public InpaintOptions {
        if (strategy == null) {
            throw new IllegalArgumentException("strategy must be set");
        }
        if (!(tolerance >= 0 && tolerance < 1)) {
            throw new IllegalArgumentException("aggregation tolerance must be in [0, 1), not " + tolerance);
        }
        if (resampling == null) {
            throw new IllegalArgumentException("resampling must be set");
        }
        if (cancelled == null) {
            throw new IllegalArgumentException("cancelled must be set (() -> false for never)");
        }
    }

    public static InpaintOptions defaults() {
        return new InpaintOptions(Strategy.AUTO, DEFAULT_TOLERANCE, null, Resampling.PAPER, true, () -> false);
    }

    public InpaintOptions withStrategy(Strategy s) {
        return new InpaintOptions(s, tolerance, pictures, resampling, residuals, cancelled);
    }

    public InpaintOptions withTolerance(double t) {
        return new InpaintOptions(strategy, t, pictures, resampling, residuals, cancelled);
    }

    public InpaintOptions withPictures(Intermediates p) {
        return new InpaintOptions(strategy, tolerance, p, resampling, residuals, cancelled);
    }

    public InpaintOptions withResampling(Resampling r) {
        return new InpaintOptions(strategy, tolerance, pictures, r, residuals, cancelled);
    }

    public InpaintOptions withResiduals(boolean aggregate) {
        return new InpaintOptions(strategy, tolerance, pictures, resampling, aggregate, cancelled);
    }

    public InpaintOptions withCancellation(BooleanSupplier c) {
        return new InpaintOptions(strategy, tolerance, pictures, resampling, residuals, c);
    }

    /** Stops the inpainting here if it has been cancelled. */
    void stopIfCancelled() {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("inpainting cancelled");
        }
    }
}
