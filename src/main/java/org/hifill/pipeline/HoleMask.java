package org.hifill.pipeline;

import java.awt.Rectangle;
import java.util.BitSet;

/**
 * Which pixels of a photo are to be filled: one bit per pixel, so an 8K mask takes 8 MB.
 * Mutable while it is built; the pipeline only reads it.
 */
public final class HoleMask {

    private final int width;
    private final int height;
    private final BitSet bits;

    public HoleMask(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("mask size must be positive, not " + width + "x" + height);
        }
        if ((long) width * height > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("mask of " + width + "x" + height + " pixels is too large");
        }
        this.width = width;
        this.height = height;
        this.bits = new BitSet(width * height);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public boolean isHole(int x, int y) {
        return bits.get(y * width + x);
    }

    public void setHole(int x, int y, boolean hole) {
        bits.set(y * width + x, hole);
    }

    /** Marks the pixels of a rectangle (clipped to the mask) as hole. */
    public void fill(Rectangle r) {
        Rectangle c = r.intersection(new Rectangle(width, height));
        for (int y = c.y; y < c.y + c.height; y++) {
            bits.set(y * width + c.x, y * width + c.x + c.width);
        }
    }

    /** Number of hole pixels. */
    public long holeCount() {
        return bits.cardinality();
    }

    /** Fraction of the photo that is hole. */
    public double holeFraction() {
        return (double) holeCount() / ((long) width * height);
    }

    public boolean isEmpty() {
        return bits.isEmpty();
    }

    /** The smallest rectangle holding every hole pixel, or {@code null} for an empty mask. */
    public Rectangle bounds() {
        if (bits.isEmpty()) {
            return null;
        }
        int first = bits.nextSetBit(0);
        int last = bits.length() - 1;
        int minX = width;
        int maxX = -1;
        for (int y = first / width; y <= last / width; y++) {
            int start = bits.nextSetBit(y * width);
            if (start < 0 || start >= (y + 1) * width) {
                continue;
            }
            int end = bits.previousSetBit((y + 1) * width - 1);
            minX = Math.min(minX, start - y * width);
            maxX = Math.max(maxX, end - y * width);
        }
        return new Rectangle(minX, first / width, maxX - minX + 1, last / width - first / width + 1);
    }

    /** Hole pixels of one row between {@code x0} (inclusive) and {@code x1} (exclusive). */
    public int countRow(int y, int x0, int x1) {
        return bits.get(y * width + x0, y * width + x1).cardinality();
    }

    /** The index of the next hole pixel in row y at or after x, or -1 if none before {@code x1}. */
    public int nextHole(int y, int x, int x1) {
        int i = bits.nextSetBit(y * width + x);
        return i < 0 || i >= y * width + x1 ? -1 : i - y * width;
    }
}
