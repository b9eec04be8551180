package org.hifill.model.generator;

import java.util.Random;

/** Realistic free-form test holes: a few thick random polylines with round joints. */
final class FreeFormStrokes {

    private FreeFormStrokes() {}

    /** A 0/1 mask (row-major, H x W), 1 = hole. */
    static float[] draw(int height, int width, Random random) {
        float[] mask = new float[height * width];
        int strokes = 3 + random.nextInt(3);
        for (int s = 0; s < strokes; s++) {
            int radius = Math.max(2, Math.min(height, width) / (20 + random.nextInt(30)));
            double x = random.nextDouble() * width;
            double y = random.nextDouble() * height;
            double angle = random.nextDouble() * 2 * Math.PI;
            int vertices = 4 + random.nextInt(6);
            for (int v = 0; v < vertices; v++) {
                angle += (random.nextDouble() - 0.5) * 2;
                double length = (0.05 + random.nextDouble() * 0.15) * Math.min(height, width);
                double nx = Math.max(0, Math.min(width - 1, x + Math.cos(angle) * length));
                double ny = Math.max(0, Math.min(height - 1, y + Math.sin(angle) * length));
                int steps = (int) Math.ceil(length / Math.max(1, radius / 2.0));
                for (int t = 0; t <= steps; t++) {
                    disc(mask, height, width, x + (nx - x) * t / steps, y + (ny - y) * t / steps, radius);
                }
                x = nx;
                y = ny;
            }
        }
        return mask;
    }

    private static void disc(float[] mask, int height, int width, double cx, double cy, int r) {
        for (int y = (int) Math.max(0, cy - r); y <= Math.min(height - 1, cy + r); y++) {
            for (int x = (int) Math.max(0, cx - r); x <= Math.min(width - 1, cx + r); x++) {
                if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= (double) r * r) {
                    mask[y * width + x] = 1f;
                }
            }
        }
    }
}
