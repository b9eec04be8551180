package org.hifill.model.layers;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;
import org.hifill.model.weights.TfNamed;
import org.hifill.model.weights.TfVariable;

/**
 * The release's "deconvolution": legacy bilinear x2 up-sampling, then a 3x3 gated convolution
 * whose variables live under {@code NAME/NAME_conv}.
 */
public final class UpGatedConv2d extends FixedShapeBlock implements TfNamed {

    private final GatedConv2d conv;

    /** An up layer named {@code name} in the checkpoint. */
    public UpGatedConv2d(String name, GateType gate, int inChannels, int outChannels) {
        conv = addChildBlock("conv", GatedConv2d.builder(name + "/" + name + "_conv")
                .gate(gate).channels(inChannels, outChannels).build());
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return Scoped.compute(inputs,
                () -> conv.forward(ps, new NDList(LegacyBilinearResize.twice(inputs.singletonOrThrow())), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return conv.getOutputShapes(new Shape[] {new Shape(in.get(0), in.get(1), 2 * in.get(2), 2 * in.get(3))});
    }

    @Override
    public List<TfVariable> tfVariables() {
        return conv.tfVariables();
    }

    /** Multiply-accumulates of one forward pass on an input of the given spatial size. */
    public long multiplyAccumulates(long inHeight, long inWidth) {
        return conv.multiplyAccumulates(2 * inHeight, 2 * inWidth);
    }
}
