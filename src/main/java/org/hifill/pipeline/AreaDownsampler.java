package org.hifill.pipeline;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.util.stream.IntStream;

/**
 * Down-sampling by area averaging (paper Fig. 3: averaging works best for down-sampling; the
 * release average-pools k x k blocks). Each output pixel is the mean of the source area it
 * covers, with fractional weights at the edges, so any ratio works, including different ratios
 * across and along. Source rows are streamed: no full-size copy is made.
 */
public final class AreaDownsampler {

    private AreaDownsampler() {}

    /**
     * The region of the photo averaged to {@code out}: an RGB image in planes (CHW), 0..255.
     */
    public static float[] downsample(BufferedImage photo, Rectangle region, NetworkSize out) {
        RasterRgb access = RasterRgb.of(photo);
        Raster raster = photo.getRaster();
        AxisWeights rows = new AxisWeights(region.height, out.height());
        AxisWeights cols = new AxisWeights(region.width, out.width());
        int ow = out.width();
        int plane = out.height() * ow;
        float[] result = new float[3 * plane];
        IntStream.range(0, out.height()).parallel().forEach(oy -> {
            float[] rgb = new float[3 * region.width];
            int[] scratch = access.newScratch(region.width);
            float[] acc = new float[3 * ow];
            for (int k = 0; k < rows.count(oy); k++) {
                int sy = rows.source(oy, k);
                float wy = rows.weight(oy, k);
                access.readRow(raster, region.x, region.y + sy, region.width, rgb, scratch);
                for (int ox = 0; ox < ow; ox++) {
                    float r = 0;
                    float g = 0;
                    float b = 0;
                    for (int j = 0; j < cols.count(ox); j++) {
                        int sx = 3 * cols.source(ox, j);
                        float wx = cols.weight(ox, j);
                        r += rgb[sx] * wx;
                        g += rgb[sx + 1] * wx;
                        b += rgb[sx + 2] * wx;
                    }
                    acc[3 * ox] += r * wy;
                    acc[3 * ox + 1] += g * wy;
                    acc[3 * ox + 2] += b * wy;
                }
            }
            for (int ox = 0; ox < ow; ox++) {
                for (int c = 0; c < 3; c++) {
                    result[c * plane + oy * ow + ox] = acc[3 * ox + c];
                }
            }
        });
        return result;
    }

    /**
     * The region's hole at network size, 1 where any source pixel of the output pixel's area is
     * a hole. Stricter than the release's nearest-neighbour resize: a one-pixel scratch in an 8K
     * photo still reaches the network.
     */
    public static float[] downsampleHole(HoleMask mask, Rectangle region, NetworkSize out) {
        AxisWeights rows = new AxisWeights(region.height, out.height());
        AxisWeights cols = new AxisWeights(region.width, out.width());
        float[] result = new float[out.height() * out.width()];
        IntStream.range(0, out.height()).parallel().forEach(oy -> {
            for (int k = 0; k < rows.count(oy); k++) {
                int y = region.y + rows.source(oy, k);
                int end = region.x + region.width;
                int x = mask.nextHole(y, region.x, end);
                while (x >= 0) {
                    int first = cols.firstOutput(x - region.x);
                    int last = cols.lastOutput(x - region.x);
                    for (int ox = first; ox <= last; ox++) {
                        result[oy * out.width() + ox] = 1f;
                    }
                    // Holes that only reach outputs already marked need no look.
                    int next = Math.max(x + 1, region.x + cols.firstSource(last + 1));
                    x = next >= end ? -1 : mask.nextHole(y, next, end);
                }
            }
        });
        return result;
    }

    /**
     * For each output index along one axis, the source indices it covers and their weights
     * (the overlap of [o*s, (o+1)*s) with [i, i+1), divided by s, with s = in / out).
     */
    static final class AxisWeights {
        private final int[] start;
        private final int[] sources;
        private final float[] weights;
        private final double scale;

        AxisWeights(int in, int out) {
            scale = (double) in / out;
            start = new int[out + 1];
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
            sources = java.util.Arrays.copyOf(src, n);
            weights = java.util.Arrays.copyOf(wts, n);
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

        /** The first output whose area overlaps source index i. */
        int firstOutput(int i) {
            return Math.min(start.length - 2, (int) Math.floor(i / scale));
        }

        /** The last output whose area overlaps source index i. */
        int lastOutput(int i) {
            return Math.min(start.length - 2, (int) Math.ceil((i + 1) / scale - 1e-9) - 1);
        }

        /** The first source index overlapping output o. */
        int firstSource(int o) {
            return (int) Math.floor(o * scale);
        }
    }
}
