package org.hifill.pipeline;

import java.awt.Rectangle;

/**
 * The attention grid laid over the full-resolution region: cell (r, c) of the network's
 * rows x cols grid covers rows [floor(r * H / rows), floor((r + 1) * H / rows)) and likewise
 * across. When H or W is not a multiple, neighbouring cells differ in size by one pixel.
 */
public final class CellGrid {

    private final Rectangle region;
    private final int rows;
    private final int cols;

    public CellGrid(Rectangle region, int rows, int cols) {
        this.region = region;
        this.rows = rows;
        this.cols = cols;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public int cellCount() {
        return rows * cols;
    }

    /** Cell {@code index} (raster order) in photo coordinates. */
    public Rectangle cell(int index) {
        int r = index / cols;
        int c = index % cols;
        int y0 = edge(r, region.height, rows);
        int y1 = edge(r + 1, region.height, rows);
        int x0 = edge(c, region.width, cols);
        int x1 = edge(c + 1, region.width, cols);
        return new Rectangle(region.x + x0, region.y + y0, x1 - x0, y1 - y0);
    }

    private static int edge(int i, int length, int count) {
        return (int) ((long) i * length / count);
    }
}
