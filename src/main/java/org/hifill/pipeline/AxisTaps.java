package org.hifill.pipeline;

import java.util.Arrays;

/**
 * A resampling along one axis as taps: output index o is the weighted sum of {@code count(o)}
 * source indices. Sources rise within an output and never fall from one output to the next, so
 * a span of outputs reads one contiguous span of sources.
 */
final class AxisTaps {

    private final int[] start;
    private final int[] sources;
    private final float[] weights;
    /** Taps per output when they are the same for all, else 0. */
    private final int fixed;

    private AxisTaps(int[] start, int[] sources, float[] weights, int fixed) {
        this.start = start;
        this.sources = sources;
        this.weights = weights;
        this.fixed = fixed;
    }

    /**
     * Area averaging of {@code in} samples to {@code out}: each output is the mean of the source
     * interval it covers, [o*s, (o+1)*s) with s = in / out, fractional samples weighted by their overlap.
     */
    static AxisTaps area(int in, int out) {
        double scale = (double) in / out;
        int[] start = new int[out + 1];
        int[] src = new int[in + 2 * out];
        float[] wts = new float[in + 2 * out];
        int n = 0;
        for (int o = 0; o < out; o++) {
            start[o] = n;
            double lo = o * scale;
            double hi = (o + 1) * scale;
            for (int i = (int) Math.floor(lo); i < Math.min(in, Math.ceil(hi)); i++) {
                double overlap = Math.min(hi, i + 1) - Math.max(lo, i);
                if (overlap > 1e-12) {
                    src[n] = i;
                    wts[n] = (float) (overlap / scale);
                    n++;
                }
            }
        }
        start[out] = n;
        return new AxisTaps(start, Arrays.copyOf(src, n), Arrays.copyOf(wts, n), 0);
    }

    /**
     * The same number of taps for every output: {@code taps * out} source indices and weights,
     * output after output.
     */
    static AxisTaps fixed(int taps, int[] sources, float[] weights) {
        int out = sources.length / taps;
        int[] start = new int[out + 1];
        for (int o = 0; o <= out; o++) {
            start[o] = o * taps;
        }
        return new AxisTaps(start, sources, weights, taps);
    }

    /** Taps per output, for taps made by {@link #fixed}; 0 for others. */
    int fixedCount() {
        return fixed;
    }

    /** Source indices, output after output (for a fixed count: {@code fixedCount()} per output). */
    int[] sources() {
        return sources;
    }

    /** Weights, in the order of {@link #sources()}. */
    float[] weights() {
        return weights;
    }

    int count(int o) {
        return start[o + 1] - start[o];
    }

    int source(int o, int k) {
        return sources[start[o] + k];
    }

    float weight(int o, int k) {
        return weights[start[o] + k];
    }

    /** The first source output o reads: the first that outputs o and after read. */
    int firstSource(int o) {
        return sources[start[o]];
    }

    /** The last source output o reads: the last that outputs o and before read. */
    int lastSource(int o) {
        return sources[start[o + 1] - 1];
    }
}
