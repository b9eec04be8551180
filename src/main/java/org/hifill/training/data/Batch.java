package org.hifill.training.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * Training samples packed for the network.
 *
 * @param images {@code count x 3 x size x size}, RGB planes in [-1, 1]
 * @param masks {@code count x 1 x size x size}, 1 in the hole and 0 elsewhere
 * @param size side of the square crops
 * @param count number of samples
 */
public record Batch(float[] images, float[] masks, int size, int count) {

    public Batch {
        int plane = size * size;
        if (images.length != count * 3 * plane || masks.length != count * plane) {
            throw new IllegalArgumentException("a batch of " + count + " crops of " + size + "x" + size + " needs "
                    + count * 3 * plane + " image and " + count * plane + " mask values, not " + images.length
                    + " and " + masks.length);
        }
    }

    /** The images as an array (count, 3, size, size) on {@code manager}. */
    public NDArray imageArray(NDManager manager) {
        return manager.create(images, new Shape(count, 3, size, size));
    }

    /** The masks as an array (count, 1, size, size) on {@code manager}. */
    public NDArray maskArray(NDManager manager) {
        return manager.create(masks, new Shape(count, 1, size, size));
    }

    /** Concatenates crops ({@code 3 x size x size} each) and their masks ({@code size x size}). */
    static Batch pack(int size, List<float[]> images, List<float[]> masks) {
        int plane = size * size;
        int count = images.size();
        float[] packedImages = new float[count * 3 * plane];
        float[] packedMasks = new float[count * plane];
        for (int i = 0; i < count; i++) {
            System.arraycopy(images.get(i), 0, packedImages, i * 3 * plane, 3 * plane);
            System.arraycopy(masks.get(i), 0, packedMasks, i * plane, plane);
        }
        return new Batch(packedImages, packedMasks, size, count);
    }
}
