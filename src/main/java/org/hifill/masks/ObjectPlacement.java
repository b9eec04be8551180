package org.hifill.masks;

import java.util.Random;
import org.hifill.pipeline.HoleMask;

/**
 * How an object template is laid on a square canvas: mirrored left to right or not, rotated by
 * -90 to 90 degrees and scaled by 0.8 to 1.0 (paper section 4; the release draws the same
 * ranges), about the centre. Like the release, the template stays centred: the authors'
 * templates are whole scenes of objects that fill their frame, so shifting them would only push
 * objects off the canvas. A template's longer side spans the canvas at scale 1.
 *
 * @param mirrored whether the template is flipped left to right
 * @param degrees clockwise rotation
 * @param scale size factor
 */
record ObjectPlacement(boolean mirrored, double degrees, double scale) {

    static ObjectPlacement random(Random random) {
        return new ObjectPlacement(random.nextBoolean(), -90 + 180 * random.nextDouble(), 0.8 + 0.2 * random.nextDouble());
    }

    /**
     * The template on a {@code size x size} canvas, nearest neighbour: each canvas pixel takes the
     * template pixel its centre maps back to, so the result is as binary as the template.
     */
    HoleMask render(HoleMask template, int size) {
        int tw = template.width();
        int th = template.height();
        double factor = scale * size / Math.max(tw, th);
        double cos = Math.cos(Math.toRadians(degrees));
        double sin = Math.sin(Math.toRadians(degrees));
        HoleMask out = new HoleMask(size, size);
        for (int y = 0; y < size; y++) {
            double dy = y + 0.5 - size / 2.0;
            for (int x = 0; x < size; x++) {
                double dx = x + 0.5 - size / 2.0;
                // Undo the rotation (y points down, so positive angles turn clockwise), then the scale and mirror.
                double u = (cos * dx + sin * dy) / factor;
                double v = (-sin * dx + cos * dy) / factor;
                int tx = (int) Math.floor((mirrored ? -u : u) + tw / 2.0);
                int ty = (int) Math.floor(v + th / 2.0);
                if (tx >= 0 && tx < tw && ty >= 0 && ty < th && template.isHole(tx, ty)) {
                    out.setHole(x, y, true);
                }
            }
        }
        return out;
    }
}
