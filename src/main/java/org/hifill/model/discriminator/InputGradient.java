package org.hifill.model.discriminator;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

/**
 * A critic whose gradient with respect to its input is built from ordinary operations
 * (back-propagation written out), so that it is itself differentiable in the parameters with
 * first-order autograd: what the gradient penalty needs (reference section 7).
 */
public interface InputGradient {

    /**
     * {@code d(sum over the batch of the scores) / d(images)}, shaped as {@code images}, in the
     * autograd graph of the critic's parameters.
     */
    NDArray inputGradient(ParameterStore ps, NDArray images, boolean training);
}
