package org.hifill.model.generator;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.hifill.model.layers.FixedShapeBlock;
import org.hifill.model.layers.GateType;
import org.hifill.model.layers.GatedConv2d;
import org.hifill.model.layers.LegacyBilinearResize;
import org.hifill.model.layers.UpGatedConv2d;
import org.hifill.model.weights.TfNamed;
import org.hifill.model.weights.TfVariable;

/**
 * The coarse network (paper Fig. 2, first stage; reference section 4): at half the input
 * resolution, an encoder to 1/4 of that, fourteen dilated gated convolutions and a decoder back
 * to RGB, clipped to [-1, 1] and resized to the input size.
 *
 * <p>Input: the masked image and the mask, (N, 4, H, W). Output: x1, (N, 3, H, W).
 */
public final class CoarseNetwork extends FixedShapeBlock implements TfNamed {

    private static final int[] DILATIONS = {1, 1, 1, 2, 2, 2, 2, 2, 4, 4, 4, 4, 8, 8};

    private final List<Block> layers = new ArrayList<>();

    public CoarseNetwork(GateType gate, int width) {
        int w2 = 2 * width;
        conv(GatedConv2d.builder("c_en_down_128").gate(gate).channels(4, width).kernel(5).stride(2));
        conv(GatedConv2d.builder("c_en_conv_128").gate(gate).channels(width, width));
        conv(GatedConv2d.builder("c_en_down_64").gate(gate).channels(width, w2).stride(2));
        for (int i = 1; i <= 3; i++) {
            conv(GatedConv2d.builder("c_en_conv" + i + "_64").gate(gate).channels(w2, w2));
        }
        for (int i = 0; i < DILATIONS.length; i++) {
            conv(GatedConv2d.builder("c_dil_d" + (i + 1)).gate(gate).channels(w2, w2).dilation(DILATIONS[i]));
        }
        for (int i = 1; i <= 3; i++) {
            conv(GatedConv2d.builder("c_de_conv" + i + "_64").gate(gate).channels(w2, w2));
        }
        add("c_de_up_128", new UpGatedConv2d("c_de_up_128", gate, w2, width));
        conv(GatedConv2d.builder("c_de_conv_128").gate(gate).channels(width, width));
        add("c_de_toRGB", new UpGatedConv2d("c_de_toRGB", gate, width, 3));
    }

    private void conv(GatedConv2d.Builder builder) {
        GatedConv2d layer = builder.build();
        add(layer.scope(), layer);
    }

    private <B extends Block & TfNamed> void add(String name, B block) {
        layers.add(addChildBlock(name, block));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList x = new NDList(LegacyBilinearResize.half(inputs.singletonOrThrow()));
        for (Block layer : layers) {
            x = layer.forward(ps, x, training);
        }
        NDArray clipped = x.singletonOrThrow().clip(-1f, 1f);
        return new NDList(LegacyBilinearResize.twice(clipped));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), 3, in.get(2), in.get(3))};
    }

    /** Multiply-accumulates of one forward pass at input size H x W. */
    public long multiplyAccumulates(long height, long width) {
        long total = 0;
        long h = height / 2;
        long w = width / 2;
        for (Block layer : layers) {
            if (layer instanceof GatedConv2d conv) {
                total += conv.multiplyAccumulates(h, w);
                Shape out = conv.getOutputShapes(new Shape[] {new Shape(1, 1, h, w)})[0];
                h = out.get(2);
                w = out.get(3);
            } else {
                UpGatedConv2d up = (UpGatedConv2d) layer;
                total += up.multiplyAccumulates(h, w);
                h *= 2;
                w *= 2;
            }
        }
        return total;
    }

    @Override
    public List<TfVariable> tfVariables() {
        List<TfVariable> vars = new ArrayList<>();
        for (Block layer : layers) {
            vars.addAll(((TfNamed) layer).tfVariables());
        }
        return vars;
    }
}
