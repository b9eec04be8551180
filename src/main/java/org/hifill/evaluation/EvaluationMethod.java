package org.hifill.evaluation;

import java.awt.image.BufferedImage;
import org.hifill.pipeline.HoleMask;

/**
 * One way of filling a photo's hole that {@code hifill eval} compares: CRA, its naive and
 * ablated variants, and the classic and plain baselines ({@link EvaluationMethods}).
 */
public interface EvaluationMethod {

    /** The name in tables and on the command line, for example {@code upsample-bicubic}. */
    String name();

    /**
     * The photo with its hole filled, the photo's size; the photo itself is left unchanged. May be
     * called from a worker thread that is abandoned when it runs past the time limit.
     *
     * @throws Exception when the method cannot fill this photo (reported, and the run goes on)
     */
    BufferedImage fill(BufferedImage photo, HoleMask mask) throws Exception;
}
