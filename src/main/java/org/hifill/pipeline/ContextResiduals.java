package org.hifill.pipeline;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;

/**
 * The high-frequency detail of the photo's context (paper section 3.1, Eq. 3): the photo minus
 * its blurry version (the network-size image brought back up, bilinearly in CRA), zero on hole pixels.
 * Computed one attention cell at a time, from the photo's raster.
 */
public final class ContextResiduals {

    private final BufferedImage photo;
    private final RasterRgb access;
    private final HoleMask mask;
    private final float[] small;
    private final Upsampler blur;
    private final Rectangle region;
    private final CellGrid grid;

    /**
     * @param small the region averaged down to network size, planes, 0..255
     * @param up how {@code small} is brought back up to the region's size
     */
    public ContextResiduals(BufferedImage photo, HoleMask mask, Rectangle region, float[] small,
            Upsampler up, CellGrid grid) {
        this.photo = photo;
        this.access = RasterRgb.of(photo);
        this.mask = mask;
        this.small = small;
        this.region = region;
        this.grid = grid;
        this.blur = up;
    }

    public CellGrid grid() {
        return grid;
    }

    /** The blurry image's pixels of photo row y from column x, interleaved RGB, 0..255. */
    public void blurryRow(int y, int x, int w, float[] rgb) {
        blur.sampleRow(small, y - region.y, x - region.x, w, rgb);
    }

    /**
     * Rows v0..v1 of the residual of cell {@code index}, {@code width} columns each, into
     * {@code out} from {@code offset} (interleaved RGB). Rows and columns past the cell's own size
     * repeat its last row and column, so that cells one pixel apart in size line up.
     */
    public void rows(int index, int v0, int v1, int width, float[] out, int offset) {
        Rectangle c = grid.cell(index);
        if (c.isEmpty()) {
            // A region with fewer pixels than grid cells along a side has cells without pixels:
            // they carry no residual.
            java.util.Arrays.fill(out, offset, offset + 3 * (v1 - v0) * width, 0f);
            return;
        }
        Raster raster = photo.getRaster();
        float[] raw = new float[3 * c.width];
        float[] blurry = new float[3 * c.width];
        int[] scratch = access.newScratch(c.width);
        for (int v = v0; v < v1; v++) {
            int y = c.y + Math.min(v, c.height - 1);
            access.readRow(raster, c.x, y, c.width, raw, scratch);
            blurryRow(y, c.x, c.width, blurry);
            for (int i = 0; i < 3 * c.width; i++) {
                raw[i] -= blurry[i];
            }
            int x = mask.nextHole(y, c.x, c.x + c.width);
            while (x >= 0) {
                int p = 3 * (x - c.x);
                raw[p] = 0f;
                raw[p + 1] = 0f;
                raw[p + 2] = 0f;
                x = x + 1 >= c.x + c.width ? -1 : mask.nextHole(y, x + 1, c.x + c.width);
            }
            int row = offset + 3 * (v - v0) * width;
            int common = Math.min(width, c.width);
            System.arraycopy(raw, 0, out, row, 3 * common);
            for (int u = common; u < width; u++) {
                System.arraycopy(raw, 3 * (c.width - 1), out, row + 3 * u, 3);
            }
        }
    }
}
