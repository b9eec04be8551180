package org.hifill.model;

/**
 * Multiply-accumulates of one generator pass, split by kind. The attention transfers are counted
 * twice: as the release computes them (dense transposed convolutions with overlapping patches)
 * and as this implementation does (one product with the cells, see
 * {@link org.hifill.model.attention.AttentionTransfer}), both without skipping hole keys.
 *
 * @param convolutions all gated convolutions (feature and gate branches)
 * @param attentionScores query-key correlations of the attention computing module
 * @param transferAsReleased the transfers as dense transposed convolutions
 * @param transferExecuted the transfers as executed here
 */
public record ComputeCost(long convolutions, long attentionScores, long transferAsReleased, long transferExecuted) {

    public static final ComputeCost ZERO = new ComputeCost(0, 0, 0, 0);

    public static ComputeCost convolutions(long macs) {
        return new ComputeCost(macs, 0, 0, 0);
    }

    public ComputeCost plus(ComputeCost o) {
        return new ComputeCost(convolutions + o.convolutions, attentionScores + o.attentionScores,
                transferAsReleased + o.transferAsReleased, transferExecuted + o.transferExecuted);
    }

    /** GFLOP (two per multiply-accumulate) of the network as released. */
    public double releasedGflop() {
        return 2.0 * (convolutions + attentionScores + transferAsReleased) / 1e9;
    }

    /** GFLOP (two per multiply-accumulate) as executed here. */
    public double executedGflop() {
        return 2.0 * (convolutions + attentionScores + transferExecuted) / 1e9;
    }
}
