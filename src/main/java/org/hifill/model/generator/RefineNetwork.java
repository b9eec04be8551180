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
import org.hifill.model.attention.AttentionGrid;
import org.hifill.model.attention.AttentionTransferModule;
import org.hifill.model.attention.ContextualAttentionModule;
import org.hifill.model.layers.FixedShapeBlock;
import org.hifill.model.layers.GateType;
import org.hifill.model.layers.GatedConv2d;
import org.hifill.model.layers.UpGatedConv2d;
import org.hifill.model.weights.TfNamed;
import org.hifill.model.weights.TfVariable;

/**
 * The refine network (paper Fig. 2, second stage; reference section 4): a 3x3 encoder to 1/8
 * resolution keeping the 1/2 and 1/4 activations, five dilated convolutions, the attention
 * computing module, and a decoder that concatenates the attention transferred onto those
 * activations before each up-sampling.
 *
 * <p>Inputs: the coarse result pasted into the masked image with the mask, (N, 4, H, W), and the
 * hole mask (N, 1, H, W). Outputs: x2 (N, 3, H, W), clipped to [-1, 1], and A (N, L, L) when
 * attention is on.
 */
public final class RefineNetwork extends FixedShapeBlock implements TfNamed {

    private static final int[] DILATIONS = {1, 2, 4, 8, 16};

    private final GatedConv2d enDown256;
    private final GatedConv2d enConv256;
    private final GatedConv2d enDown128;
    private final GatedConv2d enConv128;
    private final GatedConv2d enDown64;
    private final GatedConv2d enConv64;
    private final List<GatedConv2d> dilated = new ArrayList<>();
    private final ContextualAttentionModule attention;
    private final UpGatedConv2d deUp128;
    private final GatedConv2d deConv128;
    private final AttentionTransferModule transfer128;
    private final UpGatedConv2d deUp256;
    private final GatedConv2d deConv256;
    private final AttentionTransferModule transfer256;
    private final UpGatedConv2d toRgb;

    public RefineNetwork(GateType gate, int width, boolean contextualAttention, boolean multiScaleTransfer) {
        int w2 = 2 * width;
        int w4 = 4 * width;
        enDown256 = conv(GatedConv2d.builder("re_en_down_256").gate(gate).channels(4, width).stride(2));
        enConv256 = conv(GatedConv2d.builder("re_en_conv_256").gate(gate).channels(width, width));
        enDown128 = conv(GatedConv2d.builder("re_en_down_128").gate(gate).channels(width, w2).stride(2));
        enConv128 = conv(GatedConv2d.builder("re_en_conv_128").gate(gate).channels(w2, w2));
        enDown64 = conv(GatedConv2d.builder("re_en_down_64").gate(gate).channels(w2, w4).stride(2));
        enConv64 = conv(GatedConv2d.builder("re_en_conv_64").gate(gate).channels(w4, w4));
        for (int d : DILATIONS) {
            dilated.add(conv(GatedConv2d.builder("re_dil_d" + d).gate(gate).channels(w4, w4).dilation(d)));
        }
        attention = contextualAttention
                ? addChildBlock("re_att_64", new ContextualAttentionModule("re_att_64", gate, w4))
                : null;
        deUp128 = addChildBlock("re_de_up__128", new UpGatedConv2d("re_de_up__128", gate, w4, w2));
        deConv128 = conv(GatedConv2d.builder("re_de_conv_128").gate(gate).channels(w2, w2));
        transfer128 = multiScaleTransfer
                ? addChildBlock("re_de_att_128", new AttentionTransferModule("re_de_att_128", gate, w2))
                : null;
        int up256In = multiScaleTransfer ? 2 * w2 : w2;
        deUp256 = addChildBlock("re_de_up__256", new UpGatedConv2d("re_de_up__256", gate, up256In, width));
        deConv256 = conv(GatedConv2d.builder("re_de_conv_256").gate(gate).channels(width, width));
        transfer256 = multiScaleTransfer
                ? addChildBlock("re_de_att_256", new AttentionTransferModule("re_de_att_256", gate, width))
                : null;
        int toRgbIn = multiScaleTransfer ? 2 * width : width;
        toRgb = addChildBlock("re_de_toRGB__256", new UpGatedConv2d("re_de_toRGB__256", gate, toRgbIn, 3));
    }

    private GatedConv2d conv(GatedConv2d.Builder builder) {
        GatedConv2d layer = builder.build();
        return addChildBlock(layer.scope(), layer);
    }

    /** Runs the network; the attention grid is {@code null} when attention is off. */
    public Output forward(ParameterStore ps, NDArray input, NDArray holeMask, boolean training) {
        NDArray x = apply(enDown256, ps, input, training);
        NDArray act256 = apply(enConv256, ps, x, training);
        x = apply(enDown128, ps, act256, training);
        NDArray act128 = apply(enConv128, ps, x, training);
        x = apply(enDown64, ps, act128, training);
        x = apply(enConv64, ps, x, training);
        for (GatedConv2d layer : dilated) {
            x = apply(layer, ps, x, training);
        }
        AttentionGrid grid = null;
        if (attention != null) {
            ContextualAttentionModule.Output att = attention.forward(ps, x, holeMask, training);
            x = att.features();
            grid = att.grid();
        }
        x = apply(deUp128, ps, x, training);
        x = apply(deConv128, ps, x, training);
        if (transfer128 != null) {
            x = NDArrays.concat(new NDList(transfer128.forward(ps, act128, grid, training), x), 1);
        }
        x = apply(deUp256, ps, x, training);
        x = apply(deConv256, ps, x, training);
        if (transfer256 != null) {
            x = NDArrays.concat(new NDList(transfer256.forward(ps, act256, grid, training), x), 1);
        }
        x = apply(toRgb, ps, x, training).clip(-1f, 1f);
        return new Output(x, grid);
    }

    /** The refine output x2 and the attention grid. */
    public record Output(NDArray refined, AttentionGrid grid) {}

    private static NDArray apply(ai.djl.nn.Block layer, ParameterStore ps, NDArray x, boolean training) {
        return layer.forward(ps, new NDList(x), training).singletonOrThrow();
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        Output out = forward(ps, inputs.get(0), inputs.get(1), training);
        return out.grid() == null ? new NDList(out.refined()) : new NDList(out.refined(), out.grid().attention());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        Shape image = new Shape(in.get(0), 3, in.get(2), in.get(3));
        if (attention == null) {
            return new Shape[] {image};
        }
        long cells = (in.get(2) / 16) * (in.get(3) / 16);
        return new Shape[] {image, new Shape(in.get(0), cells, cells)};
    }

    /** Work of one forward pass at input size H x W. */
    public ComputeCost cost(int h, int w) {
        long convolutions = enDown256.multiplyAccumulates(h, w) + enConv256.multiplyAccumulates(h / 2, w / 2)
                + enDown128.multiplyAccumulates(h / 2, w / 2) + enConv128.multiplyAccumulates(h / 4, w / 4)
                + enDown64.multiplyAccumulates(h / 4, w / 4) + enConv64.multiplyAccumulates(h / 8, w / 8)
                + deUp128.multiplyAccumulates(h / 8, w / 8) + deConv128.multiplyAccumulates(h / 4, w / 4)
                + deUp256.multiplyAccumulates(h / 4, w / 4) + deConv256.multiplyAccumulates(h / 2, w / 2)
                + toRgb.multiplyAccumulates(h / 2, w / 2);
        for (GatedConv2d layer : dilated) {
            convolutions += layer.multiplyAccumulates(h / 8, w / 8);
        }
        ComputeCost total = ComputeCost.convolutions(convolutions);
        if (attention != null) {
            total = total.plus(attention.cost(h / 8, w / 8));
        }
        if (transfer128 != null) {
            total = total.plus(transfer128.cost(h / 4, w / 4, h / 16, w / 16));
        }
        if (transfer256 != null) {
            total = total.plus(transfer256.cost(h / 2, w / 2, h / 16, w / 16));
        }
        return total;
    }

    @Override
    public List<TfVariable> tfVariables() {
        List<TfVariable> vars = new ArrayList<>();
        for (var child : getChildren().values()) {
            vars.addAll(((TfNamed) child).tfVariables());
        }
        return vars;
    }
}
