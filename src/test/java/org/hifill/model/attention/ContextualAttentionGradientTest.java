package org.hifill.model.attention;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

/**
 * Keys of norm 0 (an all-zero region of F, which training meets) keep the attention's gradient
 * finite: the norm floor is taken under the square root, where its derivative is 0, not inf x 0.
 */
class ContextualAttentionGradientTest {

    @Test
    void gradientIsFiniteWhereKeysAreZero() {
        int c = 16;
        int h = 16;
        int w = 16;
        int cells = (h / 2) * (w / 2);
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(11);
            NDArray features = m.randomNormal(new Shape(1, c, h, w));
            features.set(new NDIndex(":, :, 0:8, 0:8"), 0f);
            features.setRequiresGradient(true);
            NDArray valid = m.ones(new Shape(1, 1, cells));
            NDArray weights = m.randomNormal(new Shape(1, cells, cells));
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray attention = ContextualAttention.attention(features, valid);
                gc.backward(attention.mul(weights).sum());
            }
            float[] gradient = features.getGradient().toFloatArray();

            assertThat(gradient).doesNotContain(Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY);
            assertThat(largest(gradient)).as("the gradient reaches the features").isPositive();
        }
    }

    private static float largest(float[] values) {
        float largest = 0;
        for (float v : values) {
            largest = Math.max(largest, Math.abs(v));
        }
        return largest;
    }
}
