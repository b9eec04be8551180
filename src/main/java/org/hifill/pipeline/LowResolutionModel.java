package org.hifill.pipeline;

/**
 * The network stage of CRA: fills the hole of a small image and says, for every cell of the
 * attention grid, which context cells it copied from. The HiFill generator is one
 * ({@link GeneratorModel}); tests plug in deterministic ones.
 */
public interface LowResolutionModel {

    /**
     * @param image the small image, planes (CHW), 3 x height x width, in [-1, 1]
     * @param hole height x width, 1 = hole
     * @return the fill and the attention matrix of a (height/16) x (width/16) grid
     */
    LowResolutionResult inpaint(float[] image, float[] hole, NetworkSize size);
}
