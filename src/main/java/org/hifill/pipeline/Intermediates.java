package org.hifill.pipeline;

import java.awt.image.BufferedImage;

/**
 * Receives the pictures of the pipeline's stages (paper Fig. 2) when asked for: named in the
 * order they are made, for example {@code 01-input-lowres}.
 */
@FunctionalInterface
public interface Intermediates {

    void accept(String name, BufferedImage picture);
}
