package org.hifill.model.attention;

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
import org.hifill.model.layers.GateType;
import org.hifill.model.layers.GatedConv2d;
import org.hifill.model.weights.TfNamed;
import org.hifill.model.weights.TfVariable;

/**
 * The attention computing module in the refine network (paper Fig. 2, "ACM"): attention scores
 * on the 1/8 feature map, the transfer of 3x3 patches at stride 2, a gated convolution
 * ({@code re_att_64_att1}), the concatenation [pre-attention features, transferred features] and
 * a second gated convolution ({@code re_att_64_att3}).
 *
 * <p>Inputs: features (N, C, H/8, W/8) and the hole mask (N, 1, H, W). Outputs: the features
 * (N, C, H/8, W/8) and A (N, L, L).
 */
public final class ContextualAttentionModule extends FixedShapeBlock implements TfNamed {

    /** Patch size of the transfer at the attention level (rate 2: k = 2 * rate - 1). */
    private static final int KERNEL = 3;

    private final GatedConv2d att1;
    private final GatedConv2d att3;

    /** @param scope TF name scope, {@code re_att_64} */
    public ContextualAttentionModule(String scope, GateType gate, int channels) {
        att1 = addChildBlock("att1", GatedConv2d.builder(scope + "_att1").gate(gate).channels(channels, channels).build());
        att3 = addChildBlock("att3",
                GatedConv2d.builder(scope + "_att3").gate(gate).channels(2 * channels, channels).build());
    }

    /** Runs the module and returns the features with the attention grid for later transfers. */
    public Output forward(ParameterStore ps, NDArray features, NDArray holeMask, boolean training) {
        NDArray valid = ValidKeys.fromHoleMask(holeMask);
        NDArray attention = ContextualAttention.attention(features, valid);
        AttentionGrid grid = new AttentionGrid(attention,
                (int) features.getShape().get(2) / 2, (int) features.getShape().get(3) / 2,
                valid);
        NDArray transferred = grid.transfer(features, KERNEL);
        NDArray x = att1.forward(ps, new NDList(transferred), training).singletonOrThrow();
        x = att3.forward(ps, new NDList(NDArrays.concat(new NDList(features, x), 1)), training).singletonOrThrow();
        return new Output(x, grid);
    }

    /** The module's result. */
    public record Output(NDArray features, AttentionGrid grid) {}

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        Output out = forward(ps, inputs.get(0), inputs.get(1), training);
        return new NDList(out.features(), out.grid().attention());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape f = inputShapes[0];
        long cells = (f.get(2) / 2) * (f.get(3) / 2);
        return new Shape[] {f, new Shape(f.get(0), cells, cells)};
    }

    /**
     * Work of one forward pass on features of the given size: the 3x3 scores of every query
     * against every key, the transfer of 3x3 patches at stride 2 and the two convolutions.
     */
    public ComputeCost cost(int height, int width) {
        int gridH = height / 2;
        int gridW = width / 2;
        long cells = (long) gridH * gridW;
        long channels = att1.outChannels();
        return new ComputeCost(
                att1.multiplyAccumulates(height, width) + att3.multiplyAccumulates(height, width),
                cells * cells * channels * 9,
                AttentionTransfer.releasedMultiplyAccumulates(gridH, gridW, KERNEL, channels),
                AttentionTransfer.multiplyAccumulates(gridH, gridW, 2, channels));
    }

    @Override
    public List<TfVariable> tfVariables() {
        List<TfVariable> vars = new ArrayList<>(att1.tfVariables());
        vars.addAll(att3.tfVariables());
        return vars;
    }
}
