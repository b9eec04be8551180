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
        return resample(photo, region, out, AxisTaps.area(region.height, out.height()),
                AxisTaps.area(region.width, out.width()));
    }

    /**
     * The region of the photo resampled with separable taps (area weights, or an
     * {@link Interpolation}'s): an RGB image in planes (CHW), 0..255 for weights that are never negative.
     */
    static float[] resample(BufferedImage photo, Rectangle region, NetworkSize out, AxisTaps rows, AxisTaps cols) {
        RasterRgb access = RasterRgb.of(photo);
        Raster raster = photo.getRaster();
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
        AxisTaps rows = AxisTaps.area(region.height, out.height());
        double scale = (double) region.width / out.width();
        int lastCol = out.width() - 1;
        float[] result = new float[out.height() * out.width()];
        IntStream.range(0, out.height()).parallel().forEach(oy -> {
            for (int k = 0; k < rows.count(oy); k++) {
                int y = region.y + rows.source(oy, k);
                int end = region.x + region.width;
                int x = mask.nextHole(y, region.x, end);
                while (x >= 0) {
                    int i = x - region.x;
                    // The outputs whose area overlaps source column i.
                    int first = Math.min(lastCol, (int) Math.floor(i / scale));
                    int last = Math.min(lastCol, (int) Math.ceil((i + 1) / scale - 1e-9) - 1);
                    for (int ox = first; ox <= last; ox++) {
                        result[oy * out.width() + ox] = 1f;
                    }
                    // Holes that only reach outputs already marked need no look.
                    int next = Math.max(x + 1, region.x + (int) Math.floor((last + 1) * scale));
                    x = next >= end ? -1 : mask.nextHole(y, next, end);
                }
            }
        });
        return result;
    }
}
