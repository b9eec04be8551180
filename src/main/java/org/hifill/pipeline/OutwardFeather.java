package org.hifill.pipeline;

import java.awt.Rectangle;
import java.util.Arrays;

/**
 * How much of the fill each pixel takes: 1 on every hole pixel, falling smoothly (smoothstep) to
 * 0 over {@code radius} pixels outside the hole. The release blurs the mask both ways, so pixels
 * of the removed object at the hole's edge bleed into the fill as a faint halo; here the feather
 * only goes outward (reference section 3, step 7).
 *
 * <p>Distances come from a two-pass chamfer transform (steps 1 and sqrt 2) over the cell widened
 * by the radius, so each cell is done on its own. A wide feather needs no per-pixel distances:
 * they are computed on blocks of {@code radius / 8} pixels (a block with any hole counts as hole)
 * and interpolated, which keeps the ramp smooth and costs a fraction of the work on 8K photos.
 */
public final class OutwardFeather {

    private static final float DIAGONAL = (float) Math.sqrt(2);

    private final int radius;
    private final int block;

    public OutwardFeather(int radius) {
        if (radius < 0) {
            throw new IllegalArgumentException("feather radius must not be negative");
        }
        this.radius = radius;
        this.block = Math.max(1, radius / 8);
    }

    /** The release's feather width: a couple of network pixels, at least 2 photo pixels. */
    public static OutwardFeather forScale(double photoPixelsPerNetworkPixel) {
        return new OutwardFeather((int) Math.max(2, Math.ceil(2 * photoPixelsPerNetworkPixel)));
    }

    public int radius() {
        return radius;
    }

    /**
     * The feather over one cell, or {@code null} when no pixel of it is within reach of a hole.
     *
     * @param bounds the area holes may lie in (the region being filled)
     */
    public CellWeights weights(HoleMask mask, Rectangle cell, Rectangle bounds) {
        Rectangle tile = new Rectangle(cell.x - radius, cell.y - radius, cell.width + 2 * radius,
                cell.height + 2 * radius).intersection(bounds);
        int bw = (tile.width + block - 1) / block;
        int bh = (tile.height + block - 1) / block;
        float far = radius + 2f * block;
        float[] d = new float[bw * bh];
        Arrays.fill(d, far);
        boolean anyHole = false;
        boolean allHole = true;
        for (int y = tile.y; y < tile.y + tile.height; y++) {
            int row = ((y - tile.y) / block) * bw;
            int end = tile.x + tile.width;
            allHole &= mask.nextKnown(y, tile.x, end) < 0;
            for (int x = mask.nextHole(y, tile.x, end); x >= 0; ) {
                int b = (x - tile.x) / block;
                d[row + b] = 0f;
                anyHole = true;
                int next = tile.x + (b + 1) * block;
                x = next >= end ? -1 : mask.nextHole(y, next, end);
            }
        }
        if (!anyHole) {
            return null;
        }
        if (allHole) {
            return new CellWeights(cell, null, null, 0, 0, 0, 0);
        }
        chamfer(d, bw, bh);
        return new CellWeights(cell, mask, d, bw, tile.x, tile.y, block);
    }

    /** The feather of one cell: weights are made a row at a time. */
    public final class CellWeights {
        private final Rectangle cell;
        private final HoleMask mask;
        private final float[] blocks;
        private final int blocksWide;
        private final int tileX;
        private final int tileY;
        private final int blockSize;

        private CellWeights(Rectangle cell, HoleMask mask, float[] blocks, int blocksWide, int tileX, int tileY,
                int blockSize) {
            this.cell = cell;
            this.mask = mask;
            this.blocks = blocks;
            this.blocksWide = blocksWide;
            this.tileX = tileX;
            this.tileY = tileY;
            this.blockSize = blockSize;
        }

        /** Whether every pixel of the cell is a hole pixel (weight 1 throughout). */
        public boolean full() {
            return blocks == null;
        }

        /** The weights of row v of the cell into {@code out} (the cell's width). */
        public void row(int v, float[] out) {
            if (blocks == null) {
                Arrays.fill(out, 0, cell.width, 1f);
                return;
            }
            int y = cell.y + v;
            int blocksHigh = blocks.length / blocksWide;
            // Block centres sit at (b + 0.5) * size; interpolate between the two nearest.
            double fy = (y - tileY + 0.5) / blockSize - 0.5;
            int b0 = clamp((int) Math.floor(fy), blocksHigh);
            int b1 = clamp(b0 + 1, blocksHigh);
            float ty = (float) Math.max(0, Math.min(1, fy - Math.floor(fy)));
            int end = cell.x + cell.width;
            for (int x = cell.x; x < end; ) {
                int known = mask.nextKnown(y, x, end);
                int holeEnd = known < 0 ? end : known;
                Arrays.fill(out, x - cell.x, holeEnd - cell.x, 1f);
                if (known < 0) {
                    break;
                }
                int hole = mask.nextHole(y, known, end);
                int knownEnd = hole < 0 ? end : hole;
                for (int px = known; px < knownEnd; px++) {
                    double fx = (px - tileX + 0.5) / blockSize - 0.5;
                    int a0 = clamp((int) Math.floor(fx), blocksWide);
                    int a1 = clamp(a0 + 1, blocksWide);
                    float tx = (float) Math.max(0, Math.min(1, fx - Math.floor(fx)));
                    float top = blocks[b0 * blocksWide + a0] * (1 - tx) + blocks[b0 * blocksWide + a1] * tx;
                    float bottom = blocks[b1 * blocksWide + a0] * (1 - tx) + blocks[b1 * blocksWide + a1] * tx;
                    out[px - cell.x] = weight((top * (1 - ty) + bottom * ty) * blockSize);
                }
                x = knownEnd;
            }
        }
    }

    private static int clamp(int i, int n) {
        return Math.max(0, Math.min(n - 1, i));
    }

    private float weight(float distance) {
        if (distance >= radius) {
            return 0f;
        }
        // A known pixel next to the hole takes nearly all of the fill, never exactly 1.
        float t = Math.max(0f, distance) / radius;
        return 1f - t * t * (3f - 2f * t);
    }

    private static void chamfer(float[] d, int w, int h) {
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                float v = d[i];
                if (x > 0) {
                    v = Math.min(v, d[i - 1] + 1f);
                }
                if (y > 0) {
                    v = Math.min(v, d[i - w] + 1f);
                    if (x > 0) {
                        v = Math.min(v, d[i - w - 1] + DIAGONAL);
                    }
                    if (x < w - 1) {
                        v = Math.min(v, d[i - w + 1] + DIAGONAL);
                    }
                }
                d[i] = v;
            }
        }
        for (int y = h - 1; y >= 0; y--) {
            for (int x = w - 1; x >= 0; x--) {
                int i = y * w + x;
                float v = d[i];
                if (x < w - 1) {
                    v = Math.min(v, d[i + 1] + 1f);
                }
                if (y < h - 1) {
                    v = Math.min(v, d[i + w] + 1f);
                    if (x < w - 1) {
                        v = Math.min(v, d[i + w + 1] + DIAGONAL);
                    }
                    if (x > 0) {
                        v = Math.min(v, d[i + w - 1] + DIAGONAL);
                    }
                }
                d[i] = v;
            }
        }
    }
}
