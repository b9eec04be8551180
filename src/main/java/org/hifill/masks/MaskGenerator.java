package org.hifill.masks;

import java.util.Random;
import org.hifill.pipeline.HoleMask;

/**
 * Training masks (paper section 4): free-form strokes or object-shaped holes, mixed with a set
 * probability, with the hole ratio kept within bounds. A mask out of bounds is drawn again, up
 * to {@value #ATTEMPTS} times in all; the last one is then clipped into bounds with spots
 * ({@link FreeFormStrokes#clip}). Everything is drawn from the {@link Random} given, so the same
 * Random state gives the same mask.
 */
public final class MaskGenerator {

    private static final int ATTEMPTS = 10;

    private final FreeFormStrokes strokes = FreeFormStrokes.brush();
    private final ObjectMasks objects;
    private final MaskSettings settings;

    public MaskGenerator(ObjectMasks objects, MaskSettings settings) {
        this.objects = objects;
        this.settings = settings;
    }

    /** A square mask of the given side. */
    public HoleMask next(int size, Random random) {
        boolean object = random.nextDouble() < settings.objectProbability();
        HoleMask mask = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            mask = object ? objects.random(size, random) : strokes(size, random);
            if (withinBounds(mask)) {
                return mask;
            }
        }
        MaskCanvas canvas = MaskCanvas.of(mask);
        strokes.clip(canvas, settings.minHole(), settings.maxHole(), random);
        return canvas.toHoleMask();
    }

    /** Strokes up to a hole ratio drawn uniformly from the bounds (the last stroke may overshoot). */
    private HoleMask strokes(int size, Random random) {
        double target = settings.minHole() + random.nextDouble() * (settings.maxHole() - settings.minHole());
        return strokes.draw(size, size, target, random);
    }

    private boolean withinBounds(HoleMask mask) {
        double ratio = mask.holeFraction();
        return ratio >= settings.minHole() && ratio <= settings.maxHole();
    }
}
