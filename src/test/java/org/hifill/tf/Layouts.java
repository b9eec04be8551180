package org.hifill.tf;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;

/**
 * Moves data between the engine's NDArrays (NCHW feature maps, OIHW kernels) and the TensorFlow
 * oracle's {@link TfTensor}s (NHWC feature maps, HWIO kernels), and makes random test data.
 */
public final class Layouts {

    private Layouts() {}

    /** An NCHW engine array as an NHWC tensor. */
    public static TfTensor nhwc(NDArray nchw) {
        if (nchw.getShape().dimension() != 4) {
            throw new IllegalArgumentException("NCHW array expected, got " + nchw.getShape());
        }
        return same(nchw.transpose(0, 2, 3, 1));
    }

    /** An NHWC tensor as an NCHW engine array. */
    public static NDArray nchw(NDManager manager, TfTensor nhwc) {
        if (nhwc.rank() != 4) {
            throw new IllegalArgumentException("NHWC tensor expected, got " + nhwc);
        }
        return same(manager, nhwc).transpose(0, 3, 1, 2);
    }

    /** An engine array as a tensor of the same shape and element order. */
    public static TfTensor same(NDArray x) {
        return TfTensor.of(x.getShape().getShape(), x.toFloatArray());
    }

    /** A tensor as an engine array of the same shape and element order. */
    public static NDArray same(NDManager manager, TfTensor t) {
        return manager.create(t.data(), new Shape(t.shape()));
    }

    /** A tensor of the given shape with values drawn from N(0, stddev^2). */
    public static TfTensor normal(Random rnd, float stddev, long... shape) {
        float[] d = new float[Math.toIntExact(TfTensor.elementCount(shape))];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (rnd.nextGaussian() * stddev);
        }
        return TfTensor.of(shape, d);
    }

    /**
     * A random 1 = hole mask, [1, h, w, 1]: a few axis-aligned rectangles and discs, one of them
     * touching the border.
     */
    public static TfTensor blobMask(Random rnd, int h, int w) {
        float[] d = new float[h * w];
        int blobs = 3 + rnd.nextInt(3);
        for (int b = 0; b < blobs; b++) {
            int cy = b == 0 ? 0 : rnd.nextInt(h);
            int cx = b == 0 ? rnd.nextInt(w) : rnd.nextInt(w);
            int ry = 2 + rnd.nextInt(Math.max(1, h / 6));
            int rx = 2 + rnd.nextInt(Math.max(1, w / 6));
            boolean disc = rnd.nextBoolean();
            for (int y = Math.max(0, cy - ry); y < Math.min(h, cy + ry + 1); y++) {
                for (int x = Math.max(0, cx - rx); x < Math.min(w, cx + rx + 1); x++) {
                    double dy = (y - cy) / (double) ry;
                    double dx = (x - cx) / (double) rx;
                    if (!disc || dy * dy + dx * dx <= 1) {
                        d[y * w + x] = 1f;
                    }
                }
            }
        }
        return TfTensor.of(new long[] {1, h, w, 1}, d);
    }
}
