package org.hifill.training.loss;

import ai.djl.ndarray.NDArray;

/** The Wasserstein GAN losses with gradient penalty (reference section 7). */
public final class WganLosses {

    /** Weight of the gradient penalty in the critic's loss, lambda. */
    public static final float GRADIENT_PENALTY_WEIGHT = 10f;

    private WganLosses() {}

    /**
     * The critic's loss, {@code mean D(fake) - mean D(real) + lambda * GP}.
     *
     * @param realScores D(real), (N, 1)
     * @param fakeScores D(fake), (N, 1), with fake detached from the generator
     * @param gradientPenalty {@link GradientPenalty#compute}
     */
    public static NDArray discriminator(NDArray realScores, NDArray fakeScores, NDArray gradientPenalty) {
        return fakeScores.mean().sub(realScores.mean()).add(gradientPenalty.mul(GRADIENT_PENALTY_WEIGHT));
    }

    /** The generator's adversarial loss, {@code -mean D(fake)}. */
    public static NDArray generator(NDArray fakeScores) {
        return fakeScores.mean().neg();
    }
}
