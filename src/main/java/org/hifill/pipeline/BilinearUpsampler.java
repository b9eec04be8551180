package org.hifill.pipeline;

/**
 * Bilinear up-sampling of a small RGB image (planes, CHW) to full-resolution pixels, sampled one
 * row at a time (half-pixel centres, edges clamped), so a full-size image is never held. Used
 * both for the blurry image (the down-sampled photo brought back up) and for the network's
 * low-resolution fill.
 */
public final class BilinearUpsampler {

    private final int smallW;
    private final int plane;
    private final int[] x0;
    private final int[] x1;
    private final float[] fx;
    private final int[] y0;
    private final int[] y1;
    private final float[] fy;
    /** Per-thread scratch: the two source rows blended, per colour plane. */
    private final ThreadLocal<float[]> rows = ThreadLocal.withInitial(() -> new float[0]);

    /** Maps a {@code smallH x smallW} image onto {@code fullH x fullW} pixels. */
    public BilinearUpsampler(int smallH, int smallW, int fullH, int fullW) {
        this.smallW = smallW;
        this.plane = smallH * smallW;
        x0 = new int[fullW];
        x1 = new int[fullW];
        fx = new float[fullW];
        y0 = new int[fullH];
        y1 = new int[fullH];
        fy = new float[fullH];
        fill(smallW, fullW, x0, x1, fx);
        fill(smallH, fullH, y0, y1, fy);
    }

    private static void fill(int small, int full, int[] lo, int[] hi, float[] frac) {
        double scale = (double) small / full;
        for (int i = 0; i < full; i++) {
            double u = Math.max(0, Math.min(small - 1, (i + 0.5) * scale - 0.5));
            int l = (int) Math.floor(u);
            lo[i] = l;
            hi[i] = Math.min(l + 1, small - 1);
            frac[i] = (float) (u - l);
        }
    }

    /**
     * Samples {@code w} pixels of full-resolution row y from column x into {@code rgb} as
     * interleaved r, g, b triples.
     */
    public void sampleRow(float[] small, int y, int x, int w, float[] rgb) {
        if (w <= 0) {
            return;
        }
        int r0 = y0[y] * smallW;
        int r1 = y1[y] * smallW;
        float b = fy[y];
        float a = 1 - b;
        // Blend the two source rows once over the columns this span reads, then across per pixel.
        int first = x0[x];
        int last = x1[x + w - 1];
        int span = last - first + 1;
        float[] mixed = rows.get();
        if (mixed.length < 3 * span) {
            mixed = new float[3 * span];
            rows.set(mixed);
        }
        for (int c = 0; c < 3; c++) {
            int p = c * plane;
            for (int k = 0; k < span; k++) {
                mixed[c * span + k] = small[p + r0 + first + k] * a + small[p + r1 + first + k] * b;
            }
        }
        for (int i = 0; i < w; i++) {
            int c0 = x0[x + i] - first;
            int c1 = x1[x + i] - first;
            float f = fx[x + i];
            float g = 1 - f;
            rgb[3 * i] = mixed[c0] * g + mixed[c1] * f;
            rgb[3 * i + 1] = mixed[span + c0] * g + mixed[span + c1] * f;
            rgb[3 * i + 2] = mixed[2 * span + c0] * g + mixed[2 * span + c1] * f;
        }
    }
}
