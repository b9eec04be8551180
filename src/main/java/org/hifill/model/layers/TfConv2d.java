package org.hifill.model.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;
import org.hifill.model.weights.TfLayout;
import org.hifill.model.weights.TfNamed;
import org.hifill.model.weights.TfVariable;

/**
 * A plain k x k convolution with TF "SAME" padding (reference section 6), NCHW in and out, whose
 * variables are {@code SCOPE/w} and {@code SCOPE/biases} in the checkpoint.
 */
public final class TfConv2d extends FixedShapeBlock implements TfNamed {

    private final String scope;
    private final int outChannels;
    private final int kernel;
    private final int stride;
    private final Parameter weight;
    private final Parameter bias;

    /** A layer named {@code scope} in the checkpoint; the kernel must cover the stride. */
    public TfConv2d(String scope, int inChannels, int outChannels, int kernel, int stride) {
        if (kernel < stride) {
            throw new IllegalArgumentException(scope + ": kernel " + kernel + " is smaller than stride " + stride);
        }
        this.scope = scope;
        this.outChannels = outChannels;
        this.kernel = kernel;
        this.stride = stride;
        weight = addParameter(ReleaseParameters.kernel("w", new Shape(outChannels, inChannels, kernel, kernel)));
        bias = addParameter(ReleaseParameters.bias("b", outChannels));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        var x = inputs.singletonOrThrow();
        var device = x.getDevice();
        return new NDList(SamePadding.conv2d(x, ps.getValue(weight, device, training),
                ps.getValue(bias, device, training), stride, 1, 1));
    }

    /**
     * The gradient with respect to the layer's input, given the gradient {@code outputGradient}
     * with respect to its output: the transposed convolution, written as a convolution of the
     * zero-dilated output gradient with the flipped kernel (DJL's PyTorch engine has no
     * deconvolution), cropped from the padded input to the input. It spans
     * {@code (out - 1) * stride + kernel} rows, which covers the padded input whenever the kernel
     * covers the stride.
     *
     * @param inputShape the shape of the input the output was computed from
     */
    public NDArray inputGradient(ParameterStore ps, NDArray outputGradient, Shape inputShape, boolean training) {
        NDArray flipped = ps.getValue(weight, outputGradient.getDevice(), training).flip(2, 3);
        // An operation's result belongs to its first operand's manager: keep it out of the parameter's.
        flipped.attach(outputGradient.getManager());
        NDArray dilated = dilate(dilate(outputGradient, 2), 3);
        NDArray padded = Conv2d.conv2d(dilated, flipped.transpose(1, 0, 2, 3), null, new Shape(1, 1),
                new Shape(kernel - 1, kernel - 1), new Shape(1, 1), 1).singletonOrThrow();
        int height = (int) inputShape.get(2);
        int width = (int) inputShape.get(3);
        int top = SamePadding.before(height, kernel, stride, 1);
        int left = SamePadding.before(width, kernel, stride, 1);
        return padded.get(":, :, " + top + ":" + (top + height) + ", " + left + ":" + (left + width));
    }

    /** Puts {@code stride - 1} zeros between neighbours along {@code axis}. */
    private NDArray dilate(NDArray x, int axis) {
        if (stride == 1) {
            return x;
        }
        NDList planes = new NDList(x);
        for (int i = 1; i < stride; i++) {
            planes.add(x.zerosLike());
        }
        long[] dims = x.getShape().getShape();
        long n = dims[axis];
        dims[axis] = n * stride;
        NDArray spread = NDArrays.stack(planes, axis + 1).reshape(new Shape(dims));
        return spread.get(":, ".repeat(axis) + ":" + ((n - 1) * stride + 1));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), outChannels, SamePadding.outputSize(in.get(2), stride),
                SamePadding.outputSize(in.get(3), stride))};
    }

    @Override
    public List<TfVariable> tfVariables() {
        return List.of(new TfVariable(scope + "/w", weight, TfLayout.CONV_KERNEL),
                new TfVariable(scope + "/biases", bias, TfLayout.VECTOR));
    }
}
