package org.hifill.evaluation;

import java.awt.image.BufferedImage;
import org.hifill.pipeline.HoleMask;
import org.hifill.pipeline.InpaintOptions;
import org.hifill.pipeline.Inpainter;

/** A method that runs the network through the CRA pipeline, with options naming the variant. */
final class NetworkMethod implements EvaluationMethod {

    private final String name;
    private final Inpainter inpainter;
    private final InpaintOptions options;

    NetworkMethod(String name, Inpainter inpainter, InpaintOptions options) {
        this.name = name;
        this.inpainter = inpainter;
        this.options = options;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public BufferedImage fill(BufferedImage photo, HoleMask mask) {
        return inpainter.inpaint(photo, mask, options).image();
    }
}
