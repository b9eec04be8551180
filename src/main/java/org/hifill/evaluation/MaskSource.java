package org.hifill.evaluation;

import java.nio.file.Path;
import java.util.Random;
import java.util.function.Consumer;
import org.hifill.image.ImageFormatException;
import org.hifill.image.MaskReader;
import org.hifill.masks.MaskGenerator;
import org.hifill.pipeline.HoleMask;

/**
 * Where a photo's hole comes from. The mask it gives is scaled to every evaluation size
 * ({@link EvaluationScaling#mask}), so the hole has the same shape at every size.
 */
public interface MaskSource {

    /** The mask for a photo of the given size, at whatever size the source draws it. */
    HoleMask mask(int photoWidth, int photoHeight) throws ImageFormatException;

    /** A mask file (white or bright = hole, as {@code hifill inpaint} reads it). */
    static MaskSource file(Path mask, Consumer<String> warnings) {
        return (w, h) -> MaskReader.read(mask, w, h, false, warnings);
    }

    /**
     * A training-style random mask ({@link MaskGenerator}: strokes or object shapes) drawn square
     * at {@code side} from a seed and the photo's name, then stretched to the photo's shape.
     * The same seed gives the same masks, whatever other photos the folder holds.
     */
    static MaskSource random(MaskGenerator generator, long seed, String photoName, int side) {
        return (w, h) -> generator.next(side, new Random(seed ^ ((long) photoName.hashCode() << 32)));
    }
}
