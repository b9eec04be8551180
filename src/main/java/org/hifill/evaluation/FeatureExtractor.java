package org.hifill.evaluation;

import java.awt.image.BufferedImage;

/** What FID and IS are computed from: a feature vector per image and, for IS, class probabilities. */
public interface FeatureExtractor {

    /**
     * One image's features.
     *
     * @param features the vector FID fits its Gaussians to
     * @param probabilities class probabilities for IS; null when the extractor has no classes
     */
    record Embedding(double[] features, double[] probabilities) {}

    Embedding extract(BufferedImage image);

    /** Whether {@link Embedding#probabilities()} is given, so that IS can be computed. */
    boolean classifies();

    /** A line for the report: what the features come from. */
    String description();
}
