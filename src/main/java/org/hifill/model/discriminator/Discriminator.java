package org.hifill.model.discriminator;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.hifill.model.layers.FixedShapeBlock;
import org.hifill.model.layers.SamePadding;
import org.hifill.model.layers.Scoped;
import org.hifill.model.layers.TfConv2d;
import org.hifill.model.layers.TfDense;
import org.hifill.model.weights.TfNamed;
import org.hifill.model.weights.TfVariable;

/**
 * The released WGAN-GP critic (reference section 7): six 5x5 stride-2 convolutions with TF "SAME"
 * padding, each followed by a leaky ReLU (0.2), then a dense layer to one score per image. The
 * paper's appendix says 3x3 kernels; the release, whose checkpoint this matches, uses 5x5.
 *
 * <p>Input: images (N, 3, S, S) in [-1, 1]; output: scores (N, 1). The dense layer's input size
 * follows from the crop size S fixed at construction: 256 * ceil(S / 64)^2, 16384 at 512.
 *
 * <p>The release flattens NHWC feature maps (TF), so this block moves the channels last before
 * flattening: the dense kernel is then in TF's row order and a checkpoint's
 * {@code discriminator/linear/kernel} imports with the plain {@code DENSE_KERNEL} transpose, for
 * every crop size. (Importing the release's critic for RGB input would also need the input
 * channels of {@code conv1/w} reversed, as the generator's first kernels are at import.)
 *
 * <p>For the gradient penalty, the critic's input gradient is also built from ordinary operations
 * ({@link InputGradient}).
 */
public final class Discriminator extends FixedShapeBlock implements TfNamed, InputGradient {

    /** The TF name scope of every discriminator variable. */
    public static final String TF_SCOPE = "discriminator";

    private static final int[] CHANNELS = {64, 128, 256, 256, 256, 256};
    private static final int KERNEL = 5;
    private static final int STRIDE = 2;
    private static final float LEAK = 0.2f;

    private final int cropSize;
    private final List<TfConv2d> convs = new ArrayList<>();
    private final TfDense linear;

    /** A critic of {@code cropSize} x {@code cropSize} images. */
    public Discriminator(int cropSize) {
        if (cropSize <= 0) {
            throw new IllegalArgumentException("crop size must be positive, not " + cropSize);
        }
        this.cropSize = cropSize;
        int in = 3;
        long side = cropSize;
        for (int i = 0; i < CHANNELS.length; i++) {
            String name = "conv" + (i + 1);
            convs.add(addChildBlock(name, new TfConv2d(name, in, CHANNELS[i], KERNEL, STRIDE)));
            in = CHANNELS[i];
            side = SamePadding.outputSize(side, STRIDE);
        }
        linear = addChildBlock("linear", new TfDense("linear", side * side * in, 1));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        checkInput(inputs.singletonOrThrow().getShape());
        return Scoped.compute(inputs, () -> {
            NDArray x = inputs.singletonOrThrow();
            for (TfConv2d conv : convs) {
                x = Activation.leakyRelu(conv.forward(ps, new NDList(x), training).singletonOrThrow(), LEAK);
            }
            NDArray flat = x.transpose(0, 2, 3, 1).reshape(x.getShape().get(0), -1);
            return linear.forward(ps, new NDList(flat), training);
        });
    }

    /**
     * Back-propagation through the critic written out: from the dense kernel (the gradient of
     * each score with respect to the flattened features, moved back to NCHW), through each leaky
     * ReLU (slope 1 or 0.2 where its input was positive or not) and each convolution (its
     * transposed convolution) to the images.
     */
    @Override
    public NDArray inputGradient(ParameterStore ps, NDArray images, boolean training) {
        checkInput(images.getShape());
        return Scoped.compute(images, () -> {
            List<NDArray> layerInputs = new ArrayList<>();
            List<NDArray> preActivations = new ArrayList<>();
            NDArray x = images;
            for (TfConv2d conv : convs) {
                layerInputs.add(x);
                NDArray z = conv.forward(ps, new NDList(x), training).singletonOrThrow();
                preActivations.add(z);
                x = Activation.leakyRelu(z, LEAK);
            }
            Shape features = x.getShape();
            long n = features.get(0);
            NDArray g = linear.inputGradient(ps, images.getManager().ones(new Shape(n, 1), images.getDataType()), training)
                    .reshape(n, features.get(2), features.get(3), features.get(1))
                    .transpose(0, 3, 1, 2);
            for (int i = convs.size() - 1; i >= 0; i--) {
                NDArray throughActivation = NDArrays.where(preActivations.get(i).gt(0f), g, g.mul(LEAK));
                g = convs.get(i).inputGradient(ps, throughActivation, layerInputs.get(i).getShape(), training);
            }
            return g;
        });
    }

    private void checkInput(Shape shape) {
        if (shape.dimension() != 4 || shape.get(1) != 3 || shape.get(2) != cropSize || shape.get(3) != cropSize) {
            throw new IllegalArgumentException("the discriminator takes N x 3 x " + cropSize + " x " + cropSize
                    + " images, not " + shape);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), 1)};
    }

    /** Every parameter with its full TF name, {@code discriminator/...}. */
    @Override
    public List<TfVariable> tfVariables() {
        List<TfVariable> vars = new ArrayList<>();
        for (TfConv2d conv : convs) {
            conv.tfVariables().forEach(v -> vars.add(v.inScope(TF_SCOPE)));
        }
        linear.tfVariables().forEach(v -> vars.add(v.inScope(TF_SCOPE)));
        return vars;
    }
}
