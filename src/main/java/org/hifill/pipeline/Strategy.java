package org.hifill.pipeline;

/** Which parts of a photo CRA runs on. */
public enum Strategy {
    /** Crops when the holes are small against a large photo (see {@link CropPlanner#AUTO_RULE}). */
    AUTO,
    /** The whole photo at once, however small the hole. */
    WHOLE,
    /** One crop around each group of nearby holes. */
    CROP;

    /**
     * The strategy named {@code auto}, {@code whole} or {@code crop} (any case).
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Strategy parse(String name) {
        for (Strategy s : values()) {
            if (s.name().equalsIgnoreCase(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("--strategy must be auto, whole or crop, not '" + name + "'");
    }
}
