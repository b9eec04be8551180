package org.hifill.pipeline;

/**
 * Up-sampling of a small RGB image (planes, CHW) to full-resolution pixels by an
 * {@link Interpolation}, sampled one row at a time (half-pixel centres, edges clamped), so a
 * full-size image is never held. Used both for the blurry image (the down-sampled photo brought
 * back up) and for the network's low-resolution fill; bilinear in CRA (paper section 3).
 */
public final class Upsampler {

    private final int smallW;
    private final int plane;
    /** Taps per output pixel, the same along both axes. */
    private final int taps;
    private final int[] colSources;
    private final float[] colWeights;
    private final int[] rowSources;
    private final float[] rowWeights;
    /** Per-thread scratch: the source rows blended, per colour plane. */
    private final ThreadLocal<float[]> mixedRows = ThreadLocal.withInitial(() -> new float[0]);

    /** Maps a {@code smallH x smallW} image onto {@code fullH x fullW} pixels. */
    public Upsampler(Interpolation kind, int smallH, int smallW, int fullH, int fullW) {
        this.smallW = smallW;
        this.plane = smallH * smallW;
        AxisTaps cols = kind.taps(smallW, fullW);
        AxisTaps rows = kind.taps(smallH, fullH);
        this.taps = cols.fixedCount();
        this.colSources = cols.sources();
        this.colWeights = cols.weights();
        this.rowSources = rows.sources();
        this.rowWeights = rows.weights();
    }

    /** Bilinear up-sampling, CRA's. */
    public static Upsampler bilinear(int smallH, int smallW, int fullH, int fullW) {
        return new Upsampler(Interpolation.BILINEAR, smallH, smallW, fullH, fullW);
    }

    /**
     * Samples {@code w} pixels of full-resolution row y from column x into {@code rgb} as
     * interleaved r, g, b triples.
     */
    public void sampleRow(float[] small, int y, int x, int w, float[] rgb) {
        if (w <= 0) {
            return;
        }
        // Blend the source rows once over the columns this span reads, then across per pixel.
        int first = colSources[taps * x];
        int span = colSources[taps * (x + w) - 1] - first + 1;
        float[] mixed = mixedRows.get();
        if (mixed.length < 3 * span) {
            mixed = new float[3 * span];
            mixedRows.set(mixed);
        }
        int top = taps * y;
        for (int c = 0; c < 3; c++) {
            int from = c * plane + first;
            int to = c * span;
            // The first source row sets the blend, the others add to it.
            int row = from + rowSources[top] * smallW;
            float weight = rowWeights[top];
            for (int i = 0; i < span; i++) {
                mixed[to + i] = small[row + i] * weight;
            }
            for (int k = top + 1; k < top + taps; k++) {
                row = from + rowSources[k] * smallW;
                weight = rowWeights[k];
                for (int i = 0; i < span; i++) {
                    mixed[to + i] += small[row + i] * weight;
                }
            }
        }
        // Across, tap after tap: the first sets each pixel, the others add to it.
        for (int k = 0; k < taps; k++) {
            for (int i = 0; i < w; i++) {
                int at = taps * (x + i) + k;
                int s = colSources[at] - first;
                float weight = colWeights[at];
                float r = mixed[s] * weight;
                float g = mixed[span + s] * weight;
                float b = mixed[2 * span + s] * weight;
                if (k == 0) {
                    rgb[3 * i] = r;
                    rgb[3 * i + 1] = g;
                    rgb[3 * i + 2] = b;
                } else {
                    rgb[3 * i] += r;
                    rgb[3 * i + 1] += g;
                    rgb[3 * i + 2] += b;
                }
            }
        }
    }
}
