package org.hifill.model.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.hifill.model.ComputeCost;
import org.hifill.model.layers.FixedShapeBlock;
import org.hifill.model.layers.GateType;
import org.hifill.model.layers.GatedConv2d;
import org.hifill.model.weights.TfNamed;
import org.hifill.model.weights.TfVariable;

/**
 * An attention transfer module in the refine decoder (paper Fig. 2, "ATM"): the shared attention
 * applied to an encoder activation with 2s x 2s patches at stride s, then two gated 3x3
 * convolutions, dilation 1 ({@code SCOPE_1}) and 2 ({@code SCOPE_2}).
 */
public final class AttentionTransferModule extends FixedShapeBlock implements TfNamed {

    private final GatedConv2d conv1;
    private final GatedConv2d conv2;

    /** @param scope TF name scope, such as {@code re_de_att_128} */
    public AttentionTransferModule(String scope, GateType gate, int channels) {
        conv1 = addChildBlock("conv1", GatedConv2d.builder(scope + "_1").gate(gate).channels(channels, channels).build());
        conv2 = addChildBlock("conv2",
                GatedConv2d.builder(scope + "_2").gate(gate).channels(channels, channels).dilation(2).build());
    }

    /** Transfers {@code grid}'s attention onto {@code activation} (N, C, H, W). */
    public NDArray forward(ParameterStore ps, NDArray activation, AttentionGrid grid, boolean training) {
        int stride = (int) activation.getShape().get(2) / grid.rows();
        NDArray x = grid.transfer(activation, 2 * stride);
        x = conv1.forward(ps, new NDList(x), training).singletonOrThrow();
        return conv2.forward(ps, new NDList(x), training).singletonOrThrow();
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        // Inputs: the activation (N, C, H, W) and A (N, L, L); the grid has square cells of side
        // s, so L = H * W / s^2.
        NDArray activation = inputs.get(0);
        NDArray attention = inputs.get(1);
        long h = activation.getShape().get(2);
        long w = activation.getShape().get(3);
        int stride = (int) Math.round(Math.sqrt((double) (h * w) / attention.getShape().get(1)));
        AttentionGrid grid = new AttentionGrid(attention, (int) h / stride, (int) w / stride, null);
        return new NDList(forward(ps, activation, grid, training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    /** Work of one forward pass on an activation of the given size with a gridH x gridW grid. */
    public ComputeCost cost(int height, int width, int gridH, int gridW) {
        int stride = height / gridH;
        long channels = conv1.outChannels();
        return new ComputeCost(
                conv1.multiplyAccumulates(height, width) + conv2.multiplyAccumulates(height, width), 0,
                AttentionTransfer.releasedMultiplyAccumulates(gridH, gridW, 2 * stride, channels),
                AttentionTransfer.multiplyAccumulates(gridH, gridW, stride, channels));
    }

    @Override
    public List<TfVariable> tfVariables() {
        List<TfVariable> vars = new ArrayList<>(conv1.tfVariables());
        vars.addAll(conv2.tfVariables());
        return vars;
    }
}
