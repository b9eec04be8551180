package org.hifill.evaluation;

import java.awt.image.BufferedImage;
import org.hifill.pipeline.HoleMask;

/** A {@link HoleFill} on colour planes (mean colour, diffusion) as an evaluation method. */
final class PlaneFillMethod implements EvaluationMethod {

    private final HoleFill fill;

    PlaneFillMethod(HoleFill fill) {
        this.fill = fill;
    }

    @Override
    public String name() {
        return fill.name();
    }

    @Override
    public BufferedImage fill(BufferedImage photo, HoleMask mask) {
        int width = photo.getWidth();
        int height = photo.getHeight();
        int plane = width * height;
        float[] planes = new float[RgbPlanes.CHANNELS * plane];
        for (int c = 0; c < RgbPlanes.CHANNELS; c++) {
            System.arraycopy(RgbPlanes.plane(photo, c), 0, planes, c * plane, plane);
        }
        return RgbPlanes.image(fill.fill(planes, mask.toArray(), width, height), width, height);
    }
}
