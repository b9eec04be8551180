package org.hifill.model.generator;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * What one generator pass returns (all NCHW, colour in [-1, 1]).
 *
 * @param coarse x1, the coarse network's output at the input size
 * @param refined x2, the refine network's output
 * @param pasted x2 inside the hole, the input outside it
 * @param attention A, (N, L, L) with row = query cell and column = key cell, or {@code null}
 *     when the configuration has no attention
 */
public record GeneratorOutput(NDArray coarse, NDArray refined, NDArray pasted, NDArray attention) {

    /** Reads the list that {@link HiFillGenerator#forward} returns. */
    public static GeneratorOutput of(NDList list) {
        return new GeneratorOutput(list.get(0), list.get(1), list.get(2), list.size() > 3 ? list.get(3) : null);
    }
}
