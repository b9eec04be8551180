package org.hifill.pipeline;

import java.awt.Rectangle;

/**
 * How much of the fill each pixel takes: 1 on every hole pixel, falling smoothly to 0 over
 * {@code radius} pixels outside the hole. The release blurs the mask both ways, so pixels of the
 * removed object at the hole's edge bleed into the fill as a faint halo; here the feather only
 * goes outward (reference section 3, step 7). Distances come from a two-pass chamfer transform
 * (weights 1 and sqrt 2) over the cell widened by the radius, so each cell is done on its own.
 */
public final class OutwardFeather {

    private static final float DIAGONAL = (float) Math.sqrt(2);

    private final int radius;

    public OutwardFeather(int radius) {
        if (radius < 0) {
            throw new IllegalArgumentException("feather radius must not be negative");
        }
        this.radius = radius;
    }

    /** The release's feather width: a couple of network pixels, at least 2 photo pixels. */
    public static OutwardFeather forScale(double photoPixelsPerNetworkPixel) {
        return new OutwardFeather((int) Math.max(2, Math.ceil(2 * photoPixelsPerNetworkPixel)));
    }

    public int radius() {
        return radius;
    }

    /**
     * The weights of the pixels of {@code cell} (row-major), or {@code null} when all are 0.
     *
     * @param bounds the area holes may lie in (the region being filled)
     */
    public float[] weights(HoleMask mask, Rectangle cell, Rectangle bounds) {
        Rectangle tile = new Rectangle(cell.x - radius, cell.y - radius, cell.width + 2 * radius,
                cell.height + 2 * radius).intersection(bounds);
        int tw = tile.width;
        int th = tile.height;
        if (allHole(mask, tile)) {
            float[] ones = new float[cell.width * cell.height];
            java.util.Arrays.fill(ones, 1f);
            return ones;
        }
        float far = radius + 2f;
        float[] d = new float[tw * th];
        boolean anyHole = false;
        for (int y = 0; y < th; y++) {
            int row = y * tw;
            java.util.Arrays.fill(d, row, row + tw, far);
            int x = mask.nextHole(tile.y + y, tile.x, tile.x + tw);
            while (x >= 0) {
                d[row + x - tile.x] = 0f;
                anyHole = true;
                x = x + 1 >= tile.x + tw ? -1 : mask.nextHole(tile.y + y, x + 1, tile.x + tw);
            }
        }
        if (!anyHole) {
            return null;
        }
        chamfer(d, tw, th);
        float[] w = new float[cell.width * cell.height];
        boolean any = false;
        for (int y = 0; y < cell.height; y++) {
            int src = (cell.y - tile.y + y) * tw + (cell.x - tile.x);
            for (int x = 0; x < cell.width; x++) {
                float v = weight(d[src + x]);
                w[y * cell.width + x] = v;
                any |= v > 0f;
            }
        }
        return any ? w : null;
    }

    /** Cells deep inside a hole need no distances: every weight is 1. */
    private static boolean allHole(HoleMask mask, Rectangle tile) {
        for (int y = tile.y; y < tile.y + tile.height; y++) {
            if (mask.nextKnown(y, tile.x, tile.x + tile.width) >= 0) {
                return false;
            }
        }
        return true;
    }

    private float weight(float distance) {
        if (distance <= 0f) {
            return 1f;
        }
        if (distance >= radius) {
            return 0f;
        }
        float t = distance / radius;
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
