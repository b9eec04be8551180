package org.hifill.pipeline;

/** Which parts of a photo CRA runs on. */
public enum Strategy {
    /** Crops when the holes are small against a large photo (see {@link CropPlanner#AUTO_RULE}). */
    AUTO,
    /** The whole photo at once, however small the hole. */
    WHOLE,
    /** One crop around each group of nearby holes. */
    CROP
}
