package org.hifill.masks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Random;
import org.hifill.pipeline.HoleMask;

/**
 * Free-form holes like the ones people paint (paper section 4: tears, scratches, spots, brush
 * erasing): random polylines of random width with round joints and caps, drawn until the hole
 * covers at least a target share of the image.
 */
public final class FreeFormStrokes {

    private final double minWidthShare;
    private final double maxWidthShare;

    /**
     * @param minWidthShare thinnest stroke, as a share of the image's shorter side
     * @param maxWidthShare thickest stroke, as a share of the image's shorter side
     */
    public FreeFormStrokes(double minWidthShare, double maxWidthShare) {
        this.minWidthShare = minWidthShare;
        this.maxWidthShare = maxWidthShare;
    }

    /** Brush-sized strokes: 2% to 8% of the shorter side. */
    public static FreeFormStrokes brush() {
        return new FreeFormStrokes(0.02, 0.08);
    }

    /** Draws strokes until at least {@code holeShare} of the image is hole. */
    public HoleMask draw(int width, int height, double holeShare, Random random) {
        BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = canvas.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g.setColor(Color.WHITE);
        byte[] pixels = ((DataBufferByte) canvas.getRaster().getDataBuffer()).getData();
        int side = Math.min(width, height);
        long target = (long) Math.ceil(holeShare * width * height);
        long covered = 0;
        while (covered < target) {
            float strokeWidth = (float) (side * (minWidthShare + random.nextDouble() * (maxWidthShare - minWidthShare)));
            g.setStroke(new BasicStroke(Math.max(1f, strokeWidth), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            int vertices = 3 + random.nextInt(6);
            int[] xs = new int[vertices];
            int[] ys = new int[vertices];
            double x = random.nextDouble() * width;
            double y = random.nextDouble() * height;
            double angle = random.nextDouble() * 2 * Math.PI;
            for (int v = 0; v < vertices; v++) {
                xs[v] = (int) x;
                ys[v] = (int) y;
                angle += (random.nextDouble() - 0.5) * 2.5;
                double length = side * (0.05 + random.nextDouble() * 0.2);
                x = Math.max(0, Math.min(width - 1, x + Math.cos(angle) * length));
                y = Math.max(0, Math.min(height - 1, y + Math.sin(angle) * length));
            }
            g.drawPolyline(xs, ys, vertices);
            covered = estimateCovered(pixels, width, height);
        }
        g.dispose();
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

    /** Hole pixels counted on every fourth row and column, scaled up. */
    private static long estimateCovered(byte[] pixels, int width, int height) {
        long n = 0;
        long samples = 0;
        for (int y = 0; y < height; y += 4) {
            for (int x = 0; x < width; x += 4) {
                n += pixels[y * width + x] != 0 ? 1 : 0;
                samples++;
            }
        }
        return n * ((long) width * height) / samples;
    }
}
