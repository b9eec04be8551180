package org.hifill.pipeline;

/**
 * How to inpaint a photo.
 *
 * @param strategy where CRA runs (whole photo or crops)
 * @param tolerance attention weight each row may leave out in residual aggregation; the result
 *     then differs from the dense sum by at most {@code tolerance * 255} per sample (default
 *     1/512: under half a grey level)
 * @param pictures receives the stage pictures, or {@code null}
 */
public record InpaintOptions(Strategy strategy, double tolerance, Intermediates pictures) {

    public static final double DEFAULT_TOLERANCE = 1.0 / 512;

    public InpaintOptions {
        if (strategy == null) {
            throw new IllegalArgumentException("strategy must be set");
        }
        if (!(tolerance >= 0 && tolerance < 1)) {
            throw new IllegalArgumentException("aggregation tolerance must be in [0, 1), not " + tolerance);
        }
    }

    public static InpaintOptions defaults() {
        return new InpaintOptions(Strategy.AUTO, DEFAULT_TOLERANCE, null);
    }

    public InpaintOptions withStrategy(Strategy s) {
        return new InpaintOptions(s, tolerance, pictures);
    }

    public InpaintOptions withTolerance(double t) {
        return new InpaintOptions(strategy, t, pictures);
    }

    public InpaintOptions withPictures(Intermediates p) {
        return new InpaintOptions(strategy, tolerance, p);
    }
}
