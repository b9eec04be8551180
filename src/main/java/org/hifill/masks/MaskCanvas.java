package org.hifill.masks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Random;
import org.hifill.pipeline.HoleMask;

/**
 * A mask being drawn with Java2D: white (hole) shapes on black, without anti-aliasing, so every
 * pixel is hole or not (a pixel is painted when its centre lies in the shape).
 */
final class MaskCanvas {

    /** Up to this many pixels, {@link #share()} counts every pixel. */
    private static final long EXACT_PIXELS = 1 << 20;

    private final int width;
    private final int height;
    private final byte[] pixels;
    private final Graphics2D graphics;

    MaskCanvas(int width, int height) {
        this(new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY));
    }

    private MaskCanvas(BufferedImage image) {
        this.width = image.getWidth();
        this.height = image.getHeight();
        this.pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        this.graphics = image.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        graphics.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }

    /** A canvas holding a copy of the mask, to draw on. */
    static MaskCanvas of(HoleMask mask) {
        return new MaskCanvas(mask.toImage());
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** Fills the shape with hole. */
    void fill(Shape shape) {
        graphics.setColor(Color.WHITE);
        graphics.fill(shape);
    }

    /** Draws the path with a round-capped, round-joined pen: hole, or back to no hole. */
    void stroke(Shape path, float penWidth, boolean hole) {
        graphics.setColor(hole ? Color.WHITE : Color.BLACK);
        graphics.setStroke(new BasicStroke(Math.max(1f, penWidth), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        graphics.draw(path);
    }

    /**
     * The share of the canvas that is hole: exact up to a megapixel, above that counted on every
     * k-th row and column (k chosen for about a megapixel of samples), so that drawing strokes on
     * an 8K mask stays fast.
     */
    double share() {
        long total = (long) width * height;
        int step = total <= EXACT_PIXELS ? 1 : (int) Math.ceil(Math.sqrt((double) total / EXACT_PIXELS));
        long holes = 0;
        long samples = 0;
        for (int y = 0; y < height; y += step) {
            int row = y * width;
            for (int x = 0; x < width; x += step) {
                holes += pixels[row + x] != 0 ? 1 : 0;
                samples++;
            }
        }
        return (double) holes / samples;
    }

    /**
     * A random pixel that is hole (or is not), as {@code y * width + x}: the first such pixel at or
     * after a uniformly drawn one, wrapping around. The canvas must hold one.
     */
    int randomPixel(boolean hole, Random random) {
        int n = pixels.length;
        int start = random.nextInt(n);
        for (int k = 0; k < n; k++) {
            int i = (start + k) % n;
            if ((pixels[i] != 0) == hole) {
                return i;
            }
        }
        throw new IllegalStateException("the canvas has no " + (hole ? "hole" : "known") + " pixel");
    }

    HoleMask toHoleMask() {
        HoleMask mask = new HoleMask(width, height);
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                if (pixels[row + x] != 0) {
                    mask.setHole(x, y, true);
                }
            }
        }
        return mask;
    }
}
