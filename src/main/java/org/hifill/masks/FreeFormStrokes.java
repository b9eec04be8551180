package org.hifill.masks;

import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
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
        MaskCanvas canvas = new MaskCanvas(width, height);
        while (canvas.share() < holeShare) {
            int side = Math.min(width, height);
            float penWidth = (float) (side * (minWidthShare + random.nextDouble() * (maxWidthShare - minWidthShare)));
            canvas.stroke(polyline(width, height, random), penWidth, true);
        }
        return canvas.toHoleMask();
    }

    /**
     * Brings the canvas's hole share into [min, max] with spots: short dabs that erase hole where
     * there is too much and paint hole where there is too little. A dab covers at most half of
     * max - min, so painting up to min cannot overshoot max; each dab starts on a pixel it changes,
     * so the loops end.
     */
    void clip(MaskCanvas canvas, double min, double max, Random random) {
        int side = Math.min(canvas.width(), canvas.height());
        // A dab of length w and pen w covers w^2 + pi w^2 / 4 < 1.8 w^2 <= (max - min) / 2 of the image.
        float penWidth = (float) (side * Math.min(maxWidthShare, Math.sqrt((max - min) / 4)));
        while (canvas.share() > max) {
            canvas.stroke(dab(canvas, canvas.randomPixel(true, random), penWidth, random), penWidth, false);
        }
        while (canvas.share() < min) {
            canvas.stroke(dab(canvas, canvas.randomPixel(false, random), penWidth, random), penWidth, true);
        }
    }

    /** A polyline of 3 to 8 vertices that turns by up to 72 degrees at each. */
    private static Path2D polyline(int width, int height, Random random) {
        int side = Math.min(width, height);
        int vertices = 3 + random.nextInt(6);
        double x = random.nextDouble() * width;
        double y = random.nextDouble() * height;
        double angle = random.nextDouble() * 2 * Math.PI;
        Path2D.Double path = new Path2D.Double();
        path.moveTo(x, y);
        for (int v = 1; v < vertices; v++) {
            angle += (random.nextDouble() - 0.5) * 2.5;
            double length = side * (0.05 + random.nextDouble() * 0.2);
            x = Math.max(0, Math.min(width - 1, x + Math.cos(angle) * length));
            y = Math.max(0, Math.min(height - 1, y + Math.sin(angle) * length));
            path.lineTo(x, y);
        }
        return path;
    }

    /** A segment as long as the pen is wide, from the centre of pixel {@code index} in a random direction. */
    private static Line2D dab(MaskCanvas canvas, int index, float length, Random random) {
        double x = index % canvas.width() + 0.5;
        double y = index / canvas.width() + 0.5;
        double angle = random.nextDouble() * 2 * Math.PI;
        return new Line2D.Double(x, y, x + Math.cos(angle) * length, y + Math.sin(angle) * length);
    }
}
