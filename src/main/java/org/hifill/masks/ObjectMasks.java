package org.hifill.masks;

import java.util.Random;
import org.hifill.pipeline.HoleMask;

/** A source of object-shaped holes (paper section 4: masks from object segmentations). */
public interface ObjectMasks {

    /** A random square mask of the given side, drawn from {@code random} only. */
    HoleMask random(int size, Random random);
}
