package org.hifill.masks;

/**
 * How {@link MaskGenerator} mixes its masks.
 *
 * @param objectProbability chance that a mask is object-shaped rather than free-form strokes
 * @param minHole least share of the image that is hole
 * @param maxHole largest share of the image that is hole
 */
public record MaskSettings(double objectProbability, double minHole, double maxHole) {

    public MaskSettings {
        if (!(objectProbability >= 0 && objectProbability <= 1)) {
            throw new IllegalArgumentException("object probability must be in [0, 1], not " + objectProbability);
        }
        if (!(minHole > 0 && maxHole < 1)) {
            throw new IllegalArgumentException("hole ratios must lie in (0, 1), not " + minHole + " to " + maxHole);
        }
        if (!(minHole < maxHole)) {
            throw new IllegalArgumentException("minimum hole ratio " + minHole + " must be below the maximum " + maxHole);
        }
    }

    /** Half object masks, half strokes; holes of 5% to 30% (the paper trains with holes up to about 25%). */
    public static MaskSettings defaults() {
        return new MaskSettings(0.5, 0.05, 0.30);
    }
}
