package org.hifill.model.generator;

import java.util.Arrays;
import org.hifill.model.layers.GateType;

/**
 * The generator's architecture. {@link #released()} is the network of the authors' checkpoint
 * (reference section 4): LWGC_sc in the coarse network, LWGC_pw in the refine network, base
 * width 32, contextual attention and multi-scale attention transfer on.
 *
 * @param coarseGate gate variant of every coarse layer
 * @param refineGate gate variant of every refine layer
 * @param baseWidth channels of the first layers (coarse: w, 2w; refine: w, 2w, 4w)
 * @param contextualAttention the attention computing module at 1/8 resolution
 * @param multiScaleTransfer attention transfer into the decoder at 1/4 and 1/2 resolution
 */
public record GeneratorConfig(
        GateType coarseGate,
        GateType refineGate,
        int baseWidth,
        boolean contextualAttention,
        boolean multiScaleTransfer) {

    public GeneratorConfig {
        if (coarseGate == null || refineGate == null) {
            throw new IllegalArgumentException("generator config: gate types must be set, each one of "
                    + Arrays.toString(GateType.values()));
        }
        if (baseWidth < 4 || baseWidth % 4 != 0) {
            throw new IllegalArgumentException("generator config: base width must be a positive multiple of 4, not " + baseWidth);
        }
        if (multiScaleTransfer && !contextualAttention) {
            throw new IllegalArgumentException("generator config: multi-scale transfer needs contextual attention");
        }
    }

    /** The released network. */
    public static GeneratorConfig released() {
        return new GeneratorConfig(GateType.LWGC_SC, GateType.LWGC_PW, 32, true, true);
    }

    /** This configuration with another base width. */
    public GeneratorConfig withBaseWidth(int width) {
        return new GeneratorConfig(coarseGate, refineGate, width, contextualAttention, multiScaleTransfer);
    }
}
