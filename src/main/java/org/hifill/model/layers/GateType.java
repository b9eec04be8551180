package org.hifill.model.layers;

/**
 * The gate branch of a gated convolution, the paper's Table 1 (gate parameters quoted for a
 * 3x3 layer with 32 input and 32 output channels).
 */
public enum GateType {
    /** Yu et al.'s gated convolution: a full k x k convolution to Cout gates (9216). */
    GC,
    /** Depth-wise k x k convolution, then 1x1 to Cout (1312). */
    LWGC_DS,
    /** A 1x1 convolution to Cout (1024); the released refine network. */
    LWGC_PW,
    /** A k x k convolution to one gate channel, broadcast over Cout (288); the released coarse network. */
    LWGC_SC
}
