package org.hifill.training.loss;

import ai.djl.ndarray.NDArray;

/**
 * The generator's L1 reconstruction loss on the coarse output x1 and the refined output x2, split
 * into an in-hole and a context term, in the paper's or the release's weighting (reference section
 * 7). Every mean is over all elements of the (N, 3, H, W) difference with the mask (N, 1, H, W),
 * 1 = hole, broadcast over the colour channels.
 */
public final class ReconstructionLoss {

    /** How the terms are weighted. */
    public enum Weighting {
        /**
         * The paper: alpha1 = 1 on the in-hole L1, alpha2 = 1.2 on the context L1, each summed over
         * x1 and x2; beta = 1e-4. The paper does not say how the masked L1s are normalised: here,
         * as the release's in-hole term, plain means over the whole image.
         */
        PAPER(1f, false, 1f, 1.2f, 1e-4f),
        /**
         * The release: in-hole {@code 1.2 * mean(|real - x1| * m) + mean(|real - x2| * m)}, context
         * the same with {@code 1 - m}, divided by {@code mean(1 - m)}; both weighted 1.2; beta = 1e-3.
         * The reference's "divided by mean(1 - m)" is read as applying to the whole context sum (as
         * in DeepFill's {@code ae_loss}, which the release follows), not to the x2 term alone.
         */
        RELEASE(1.2f, true, 1.2f, 1.2f, 1e-3f);

        private final float coarseWeight;
        private final boolean normaliseContext;
        private final float holeWeight;
        private final float contextWeight;
        private final float adversarialWeight;

        Weighting(float coarseWeight, boolean normaliseContext, float holeWeight, float contextWeight,
                float adversarialWeight) {
            this.coarseWeight = coarseWeight;
            this.normaliseContext = normaliseContext;
            this.holeWeight = holeWeight;
            this.contextWeight = contextWeight;
            this.adversarialWeight = adversarialWeight;
        }

        /** beta, the weight of the adversarial term in the generator's loss. */
        public float adversarialWeight() {
            return adversarialWeight;
        }
    }

    /**
     * The terms of one evaluation, scalars.
     *
     * @param inHole the in-hole L1 of x1 and x2, unweighted
     * @param context the context L1 of x1 and x2, unweighted
     * @param total the weighted sum of the two
     */
    public record Terms(NDArray inHole, NDArray context, NDArray total) {}

    private final Weighting weighting;

    public ReconstructionLoss(Weighting weighting) {
        this.weighting = weighting;
    }

    public Weighting weighting() {
        return weighting;
    }

    /**
     * The reconstruction terms.
     *
     * @param real the ground truth (N, 3, H, W)
     * @param coarse x1, the coarse network's output
     * @param refined x2, the refine network's output
     * @param mask (N, 1, H, W), 1 = hole
     */
    public Terms compute(NDArray real, NDArray coarse, NDArray refined, NDArray mask) {
        NDArray known = mask.neg().add(1f);
        NDArray errorCoarse = real.sub(coarse).abs();
        NDArray errorRefined = real.sub(refined).abs();
        NDArray inHole = weightedSum(errorCoarse, errorRefined, mask);
        NDArray context = weightedSum(errorCoarse, errorRefined, known);
        if (weighting.normaliseContext) {
            context = context.div(known.mean());
        }
        NDArray total = inHole.mul(weighting.holeWeight).add(context.mul(weighting.contextWeight));
        return new Terms(inHole, context, total);
    }

    /** The generator's loss, {@code total + beta * adversarial}. */
    public NDArray generatorLoss(Terms terms, NDArray adversarial) {
        return terms.total().add(adversarial.mul(weighting.adversarialWeight));
    }

    private NDArray weightedSum(NDArray errorCoarse, NDArray errorRefined, NDArray region) {
        return errorCoarse.mul(region).mean().mul(weighting.coarseWeight).add(errorRefined.mul(region).mean());
    }
}
