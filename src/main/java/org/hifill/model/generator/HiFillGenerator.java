package org.hifill.model.generator;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.hifill.model.ComputeCost;
import org.hifill.model.layers.FixedShapeBlock;
import org.hifill.model.weights.TfNamed;
import org.hifill.model.weights.TfVariable;

/**
 * The HiFill generator (paper section 3, Fig. 2): the coarse network, then the refine network
 * with attention computed once and transferred at three scales.
 *
 * <p>Inputs: the image (N, 3, H, W) in [-1, 1] and the hole mask (N, 1, H, W), 1 = hole, with H
 * and W multiples of 64 (the attention grid is H/16 x W/16). Outputs, as {@link GeneratorOutput}:
 * coarse, refined, pasted and, when attention is on, A.
 */
public final class HiFillGenerator extends FixedShapeBlock implements TfNamed {

    /** Side multiple that every input must have: three stride-2 stages and a 2x2 attention rate. */
    public static final int SIDE_MULTIPLE = 64;

    /** The TF name scope of every generator variable. */
    public static final String TF_SCOPE = "generator";

    private final GeneratorConfig config;
    private final CoarseNetwork coarse;
    private final RefineNetwork refine;

    public HiFillGenerator(GeneratorConfig config) {
        this.config = config;
        coarse = addChildBlock("coarse", new CoarseNetwork(config.coarseGate(), config.baseWidth()));
        refine = addChildBlock("refine", new RefineNetwork(config.refineGate(), config.baseWidth(),
                config.contextualAttention(), config.multiScaleTransfer()));
    }

    public GeneratorConfig config() {
        return config;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        if (inputs.size() != 2) {
            throw new IllegalArgumentException("the generator takes an image and a mask, not " + inputs.size() + " arrays");
        }
        NDArray image = inputs.get(0);
        NDArray mask = inputs.get(1);
        checkInputs(image.getShape(), mask.getShape());
        NDArray known = mask.neg().add(1f);
        NDArray masked = image.mul(known);
        NDArray x1 = coarse.forward(ps, new NDList(NDArrays.concat(new NDList(masked, mask), 1)), training)
                .singletonOrThrow();
        NDArray withCoarse = x1.mul(mask).add(masked);
        RefineNetwork.Output refined = refine.forward(
                ps, NDArrays.concat(new NDList(withCoarse, mask), 1), mask, training);
        NDArray x2 = refined.refined();
        NDArray pasted = x2.mul(mask).add(masked);
        NDList out = new NDList(x1, x2, pasted);
        if (refined.grid() != null) {
            out.add(refined.grid().attention());
        }
        return out;
    }

    /**
     * Checks that an image and a mask fit the generator.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static void checkInputs(Shape image, Shape mask) {
        if (image.dimension() != 4 || image.get(1) != 3) {
            throw new IllegalArgumentException("image must be N x 3 x H x W (RGB), not " + image);
        }
        long h = image.get(2);
        long w = image.get(3);
        if (h <= 0 || w <= 0 || h % SIDE_MULTIPLE != 0 || w % SIDE_MULTIPLE != 0) {
            throw new IllegalArgumentException("image is " + w + "x" + h + ": both sides must be positive multiples of "
                    + SIDE_MULTIPLE);
        }
        if (mask.dimension() != 4 || mask.get(1) != 1) {
            throw new IllegalArgumentException("mask must be N x 1 x H x W, not " + mask);
        }
        if (mask.get(0) != image.get(0) || mask.get(2) != h || mask.get(3) != w) {
            throw new IllegalArgumentException("mask is " + mask.get(3) + "x" + mask.get(2) + " (batch " + mask.get(0)
                    + ") but the image is " + w + "x" + h + " (batch " + image.get(0) + ")");
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape image = inputShapes[0];
        Shape[] refined = refine.getOutputShapes(new Shape[] {image});
        return refined.length == 1
                ? new Shape[] {image, image, image}
                : new Shape[] {image, image, image, refined[1]};
    }

    /** Work of one forward pass at H x W. */
    public ComputeCost cost(int height, int width) {
        return ComputeCost.convolutions(coarse.multiplyAccumulates(height, width)).plus(refine.cost(height, width));
    }

    /** Every parameter with its full TF name, {@code generator/...}. */
    @Override
    public List<TfVariable> tfVariables() {
        List<TfVariable> vars = new ArrayList<>();
        for (TfVariable v : coarse.tfVariables()) {
            vars.add(v.inScope(TF_SCOPE));
        }
        for (TfVariable v : refine.tfVariables()) {
            vars.add(v.inScope(TF_SCOPE));
        }
        return vars;
    }
}
