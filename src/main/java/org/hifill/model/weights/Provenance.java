package org.hifill.model.weights;

/**
 * Where a model's weights come from.
 *
 * @param source how they were made: {@code random-init}, {@code imported-tf-checkpoint},
 *     {@code trained}
 * @param trainingSteps generator steps trained, 0 if none
 * @param data the training data, free text
 * @param created ISO-8601 instant the directory was written
 * @param notes anything else, free text (may be empty)
 */
public record Provenance(String source, long trainingSteps, String data, String created, String notes) {

    /** Weights straight from the initialiser. */
    public static Provenance randomInit(String created) {
        return new Provenance("random-init", 0, "none", created, "");
    }
}
