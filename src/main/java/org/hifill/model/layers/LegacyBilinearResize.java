package org.hifill.model.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.Shape;

/**
 * TensorFlow 1.x {@code resize_bilinear} with {@code align_corners=False} and no half-pixel
 * centres (reference section 6): the source coordinate is {@code dst * in / out}. For the two
 * factors the network uses this is exact index arithmetic on NCHW arrays:
 * halving keeps every second pixel, doubling gives {@code out[2i] = in[i]},
 * {@code out[2i+1] = (in[i] + in[i+1]) / 2} with the last neighbour clamped.
 */
public final class LegacyBilinearResize {

    private LegacyBilinearResize() {}

    /** H x W to H/2 x W/2 (sides must be even). */
    public static NDArray half(NDArray x) {
        return x.get(":, :, ::2, ::2");
    }

    /** H x W to 2H x 2W. */
    public static NDArray twice(NDArray x) {
        return doubleAxis(doubleAxis(x, 2), 3);
    }

    private static NDArray doubleAxis(NDArray x, int axis) {
        Shape s = x.getShape();
        long n = s.get(axis);
        String all = ":, ".repeat(axis);
        NDArray next = NDArrays.concat(
                new ai.djl.ndarray.NDList(x.get(all + "1:"), x.get(all + (n - 1) + ":")), axis);
        NDArray mid = x.add(next).mul(0.5f);
        NDArray interleaved = NDArrays.stack(new ai.djl.ndarray.NDList(x, mid), axis + 1);
        long[] dims = s.getShape();
        dims[axis] = 2 * n;
        return interleaved.reshape(new Shape(dims));
    }
}
