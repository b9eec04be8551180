package org.hifill.model.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

/**
 * TensorFlow's "SAME" padding, made explicit so that a convolution with zero padding reproduces
 * it exactly (reference section 6): {@code out = ceil(in / s)}, total padding
 * {@code max((out - 1) * s + (k - 1) * d + 1 - in, 0)}, the smaller half before. For stride 2 on
 * even sizes it is asymmetric (5x5: 1 before, 2 after; 3x3: 0 before, 1 after), which PyTorch's
 * symmetric padding cannot express.
 */
public final class SamePadding {

    private SamePadding() {}

    /** Output length along an axis of length {@code in}: {@code ceil(in / stride)}. */
    public static long outputSize(long in, int stride) {
        return (in + stride - 1) / stride;
    }

    /** Total padding along one axis of length {@code in}. */
    public static int total(int in, int kernel, int stride, int dilation) {
        int out = (int) outputSize(in, stride);
        return Math.max((out - 1) * stride + (kernel - 1) * dilation + 1 - in, 0);
    }

    /** Padding placed before the first element along one axis. */
    public static int before(int in, int kernel, int stride, int dilation) {
        return total(in, kernel, stride, dilation) / 2;
    }

    /**
     * A 2-D convolution of an NCHW array with TF "SAME" padding. Padding that is the same on both
     * sides is left to the convolution; only an odd total (stride 2) is padded explicitly.
     *
     * @param weight (Cout, Cin / groups, k, k)
     * @param bias (Cout) or {@code null}
     */
    public static NDArray conv2d(NDArray x, NDArray weight, NDArray bias, int stride, int dilation, int groups) {
        int kernel = (int) weight.getShape().get(2);
        int th = total((int) x.getShape().get(2), kernel, stride, dilation);
        int tw = total((int) x.getShape().get(3), kernel, stride, dilation);
        Shape strides = new Shape(stride, stride);
        Shape dilations = new Shape(dilation, dilation);
        if (th % 2 == 0 && tw % 2 == 0) {
            return Conv2d.conv2d(x, weight, bias, strides, new Shape(th / 2, tw / 2), dilations, groups)
                    .singletonOrThrow();
        }
        return Conv2d.conv2d(pad(x, kernel, stride, dilation), weight, bias, strides, new Shape(0, 0), dilations, groups)
                .singletonOrThrow();
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
