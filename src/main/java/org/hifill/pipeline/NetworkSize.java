package org.hifill.pipeline;

import org.hifill.model.generator.HiFillGenerator;

/**
 * The size at which the network sees a photo: the long side {@value #LONG_SIDE} pixels, the short
 * side in proportion, rounded to a multiple of 64 (at least 64). Unlike the release, which
 * squeezes every photo into a square, the aspect ratio is kept up to that rounding; the
 * up-sampling undoes the two scale factors exactly.
 *
 * @param height network input rows
 * @param width network input columns
 */
public record NetworkSize(int height, int width) {

    public static final int LONG_SIDE = 512;

    /** The network size for a photo (or crop) of the given size. */
    public static NetworkSize forPhoto(int photoWidth, int photoHeight) {
        int multiple = HiFillGenerator.SIDE_MULTIPLE;
        if (photoWidth >= photoHeight) {
            return new NetworkSize(shortSide(photoHeight, photoWidth, multiple), LONG_SIDE);
        }
        return new NetworkSize(LONG_SIDE, shortSide(photoWidth, photoHeight, multiple));
    }

    private static int shortSide(int shortSide, int longSide, int multiple) {
        long scaled = Math.round((double) LONG_SIDE * shortSide / longSide / multiple);
        return (int) Math.max(1, scaled) * multiple;
    }

    /** Attention grid rows: one cell per 16 x 16 network pixels. */
    public int gridRows() {
        return height / 16;
    }

    /** Attention grid columns. */
    public int gridCols() {
        return width / 16;
    }
}
