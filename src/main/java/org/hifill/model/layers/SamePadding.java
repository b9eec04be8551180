package org.hifill.model.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * TensorFlow's "SAME" padding, made explicit so that a convolution with zero padding reproduces
 * it exactly (reference section 6): {@code out = ceil(in / s)}, total padding
 * {@code max((out - 1) * s + (k - 1) * d + 1 - in, 0)}, the smaller half before. For stride 2 on
 * even sizes it is asymmetric (5x5: 1 before, 2 after; 3x3: 0 before, 1 after), which PyTorch's
 * symmetric padding cannot express.
 */
public final class SamePadding {

    private SamePadding() {}

    /** Total padding along one axis of length {@code in}. */
    public static int total(int in, int kernel, int stride, int dilation) {
        int out = (in + stride - 1) / stride;
        return Math.max((out - 1) * stride + (kernel - 1) * dilation + 1 - in, 0);
    }

    /** Padding placed before the first element along one axis. */
    public static int before(int in, int kernel, int stride, int dilation) {
        return total(in, kernel, stride, dilation) / 2;
    }

    /** Zero-pads the two spatial axes of an NCHW array as a TF "SAME" convolution would. */
    public static NDArray pad(NDArray x, int kernel, int stride, int dilation) {
        Shape s = x.getShape();
        int h = (int) s.get(2);
        int w = (int) s.get(3);
        int th = total(h, kernel, stride, dilation);
        int tw = total(w, kernel, stride, dilation);
        if (th == 0 && tw == 0) {
            return x;
        }
        // DJL pads from the last axis backwards: (w before, w after, h before, h after).
        return x.pad(new Shape(tw / 2, tw - tw / 2, th / 2, th - th / 2), 0);
    }
}
