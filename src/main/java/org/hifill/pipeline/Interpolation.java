package org.hifill.pipeline;

/**
 * Point interpolation of a sampled image along each axis, with half-pixel centres: output pixel
 * o of {@code out} samples the source at {@code u = (o + 0.5) * in / out - 0.5}, source indices
 * clamped to the edge. Used to up-sample (the network's fill and the blurry image, paper section
 * 3) and, for the Fig. 3 ablation, to down-sample without a low-pass filter, as image libraries'
 * plain resize does.
 */
public enum Interpolation {
    /** The source pixel whose area holds the output's centre. */
    NEAREST(1),
    /** The two nearest source pixels, weighted by distance (the paper's choice for up-sampling). */
    BILINEAR(2),
    /** Four source pixels under Keys' cubic convolution kernel with a = -0.5 (Catmull-Rom). */
    BICUBIC(4);

    private static final double KEYS_A = -0.5;

    private final int taps;

    Interpolation(int taps) {
        this.taps = taps;
    }

    /** Lower-case name, as on the command line. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The taps taking {@code in} samples to {@code out}. */
    AxisTaps taps(int in, int out) {
        int[] sources = new int[taps * out];
        float[] weights = new float[taps * out];
        double scale = (double) in / out;
        for (int o = 0; o < out; o++) {
            int at = taps * o;
            double u = (o + 0.5) * scale - 0.5;
            switch (this) {
                case NEAREST -> {
                    sources[at] = clamp((int) Math.floor((o + 0.5) * scale), in);
                    weights[at] = 1f;
                }
                case BILINEAR -> {
                    double c = Math.max(0, Math.min(in - 1, u));
                    int l = (int) Math.floor(c);
                    float f = (float) (c - l);
                    sources[at] = l;
                    sources[at + 1] = Math.min(l + 1, in - 1);
                    weights[at] = 1 - f;
                    weights[at + 1] = f;
                }
                case BICUBIC -> {
                    int l = (int) Math.floor(u);
                    double t = u - l;
                    for (int k = 0; k < 4; k++) {
                        sources[at + k] = clamp(l - 1 + k, in);
                        weights[at + k] = (float) keys(t + 1 - k);
                    }
                }
                default -> throw new AssertionError(this);
            }
        }
        return AxisTaps.fixed(taps, sources, weights);
    }

    private static int clamp(int i, int n) {
        return Math.max(0, Math.min(n - 1, i));
    }

    /** Keys' cubic convolution kernel at distance x. */
    private static double keys(double x) {
        double d = Math.abs(x);
        if (d <= 1) {
            return ((KEYS_A + 2) * d - (KEYS_A + 3)) * d * d + 1;
        }
        if (d < 2) {
            return ((KEYS_A * d - 5 * KEYS_A) * d + 8 * KEYS_A) * d - 4 * KEYS_A;
        }
        return 0;
    }
}
