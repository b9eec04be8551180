package org.hifill.pipeline;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * Which pixels of a photo are to be filled: one bit per pixel, so an 8K mask takes 8 MB.
 * Mutable while it is built; the pipeline only reads it.
 */
public final class HoleMask {

    private final int width;
    private final int height;
    /** Bit (y * width + x) of the row-major pixel index; scans stay inside the row asked for. */
    private final long[] words;

    public HoleMask(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("mask size must be positive, not " + width + "x" + height);
        }
        if ((long) width * height > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("mask of " + width + "x" + height + " pixels is too large");
        }
        this.width = width;
        this.height = height;
        this.words = new long[(int) (((long) width * height + 63) >>> 6)];
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public boolean isHole(int x, int y) {
        int i = y * width + x;
        return (words[i >>> 6] & (1L << i)) != 0;
    }

    public void setHole(int x, int y, boolean hole) {
        int i = y * width + x;
        if (hole) {
            words[i >>> 6] |= 1L << i;
        } else {
            words[i >>> 6] &= ~(1L << i);
        }
    }

    /** Marks the pixels of a rectangle (clipped to the mask) as hole. */
    public void fill(Rectangle r) {
        Rectangle c = r.intersection(new Rectangle(width, height));
        for (int y = c.y; y < c.y + c.height; y++) {
            for (int x = c.x; x < c.x + c.width; x++) {
                setHole(x, y, true);
            }
        }
    }

    /** The mask as a row-major array, 1 for hole pixels and 0 for the rest. */
    public float[] toArray() {
        float[] values = new float[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = nextHole(y, 0, width); x >= 0; x = x + 1 < width ? nextHole(y, x + 1, width) : -1) {
                values[y * width + x] = 1f;
            }
        }
        return values;
    }

    /** The mask as a grey picture: white (255) holes on black. */
    public BufferedImage toImage() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < height; y++) {
            for (int x = nextHole(y, 0, width); x >= 0; x = x + 1 < width ? nextHole(y, x + 1, width) : -1) {
                data[y * width + x] = (byte) 255;
            }
        }
        return image;
    }

    /** Number of hole pixels. */
    public long holeCount() {
        long n = 0;
        for (long w : words) {
            n += Long.bitCount(w);
        }
        return n;
    }

    /** Fraction of the photo that is hole. */
    public double holeFraction() {
        return (double) holeCount() / ((long) width * height);
    }

    public boolean isEmpty() {
        for (long w : words) {
            if (w != 0) {
                return false;
            }
        }
        return true;
    }

    /** The smallest rectangle holding every hole pixel, or {@code null} for an empty mask. */
    public Rectangle bounds() {
        int minX = width;
        int maxX = -1;
        int minY = -1;
        int maxY = -1;
        for (int y = 0; y < height; y++) {
            int first = nextHole(y, 0, width);
            if (first < 0) {
                continue;
            }
            if (minY < 0) {
                minY = y;
            }
            maxY = y;
            minX = Math.min(minX, first);
            maxX = Math.max(maxX, previousHole(y, width - 1));
        }
        return minY < 0 ? null : new Rectangle(minX, minY, maxX - minX + 1, maxY - minY + 1);
    }

    /** Hole pixels of one row between {@code x0} (inclusive) and {@code x1} (exclusive). */
    public int countRow(int y, int x0, int x1) {
        int n = 0;
        for (int x = nextHole(y, x0, x1); x >= 0; x = x + 1 < x1 ? nextHole(y, x + 1, x1) : -1) {
            n++;
        }
        return n;
    }

    /**
     * The first hole pixel of row y in [x, x1), or -1. Only the words of that span are read, so
     * scanning a row costs its length / 64, however far the next hole is.
     */
    public int nextHole(int y, int x, int x1) {
        return next(y, x, x1, 0L);
    }

    /** The first pixel of row y in [x, x1) that is not a hole, or -1 if all of them are. */
    public int nextKnown(int y, int x, int x1) {
        return next(y, x, x1, -1L);
    }

    /** The first pixel of row y in [x, x1) whose bit, XOR {@code flip}, is set. */
    private int next(int y, int x, int x1, long flip) {
        if (x >= x1) {
            return -1;
        }
        int from = y * width + x;
        int to = y * width + x1;
        int w = from >>> 6;
        long word = (words[w] ^ flip) & (-1L << from);
        while (true) {
            if (word != 0) {
                int i = (w << 6) + Long.numberOfTrailingZeros(word);
                return i < to ? i - y * width : -1;
            }
            if (((++w) << 6) >= to) {
                return -1;
            }
            word = words[w] ^ flip;
        }
    }

    /** The last hole pixel of row y at or before x, or -1. */
    private int previousHole(int y, int x) {
        for (int i = x; i >= 0; i--) {
            if (isHole(i, y)) {
                return i;
            }
        }
        return -1;
    }
}
