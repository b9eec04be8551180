package org.hifill.model.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.hifill.model.weights.TfLayout;
import org.hifill.model.weights.TfNamed;
import org.hifill.model.weights.TfVariable;

/**
 * A gated convolution, {@code out = sigmoid(gate) * elu(feature)} (paper section 3.2), with the
 * feature branch a k x k convolution (stride, dilation, TF "SAME" padding) and the gate branch one
 * of the four variants of Table 1. Input and output are NCHW.
 *
 * <p>TF variable names follow the release: GC and LWGC_sc use {@code SCOPE_feat/{w,biases}} and
 * {@code SCOPE_gate/{w,biases}}; LWGC_pw uses {@code SCOPE/{w,biases}} for the feature and
 * {@code SCOPE/{pw,ds_biases}} for the gate; LWGC_ds adds the depth-wise {@code SCOPE/dw}.
 */
public final class GatedConv2d extends FixedShapeBlock implements TfNamed {

    private final String scope;
    private final GateType gateType;
    private final int inChannels;
    private final int outChannels;
    private final int kernel;
    private final int stride;
    private final int dilation;

    private final Parameter featureWeight;
    private final Parameter featureBias;
    private final Parameter gateDepthwise;
    private final Parameter gateWeight;
    private final Parameter gateBias;

    private GatedConv2d(Builder b) {
        scope = b.scope;
        gateType = b.gateType;
        inChannels = b.in;
        outChannels = b.out;
        kernel = b.kernel;
        stride = b.stride;
        dilation = b.dilation;
        featureWeight = addParameter(ReleaseParameters.kernel("feature_w", new Shape(outChannels, inChannels, kernel, kernel)));
        featureBias = addParameter(ReleaseParameters.bias("feature_b", outChannels));
        switch (gateType) {
            case GC -> {
                gateDepthwise = null;
                gateWeight = addParameter(ReleaseParameters.kernel("gate_w", new Shape(outChannels, inChannels, kernel, kernel)));
                gateBias = addParameter(ReleaseParameters.bias("gate_b", outChannels));
            }
            case LWGC_SC -> {
                gateDepthwise = null;
                gateWeight = addParameter(ReleaseParameters.kernel("gate_w", new Shape(1, inChannels, kernel, kernel)));
                gateBias = addParameter(ReleaseParameters.bias("gate_b", 1));
            }
            case LWGC_PW -> {
                gateDepthwise = null;
                gateWeight = addParameter(ReleaseParameters.kernel("gate_pw", new Shape(outChannels, inChannels, 1, 1)));
                gateBias = addParameter(ReleaseParameters.bias("gate_b", outChannels));
            }
            case LWGC_DS -> {
                gateDepthwise = addParameter(ReleaseParameters.kernel("gate_dw", new Shape(inChannels, 1, kernel, kernel)));
                gateWeight = addParameter(ReleaseParameters.kernel("gate_pw", new Shape(outChannels, inChannels, 1, 1)));
                gateBias = addParameter(ReleaseParameters.bias("gate_b", outChannels));
            }
            default -> throw new IllegalStateException(gateType.name());
        }
    }

    /** Starts a layer named {@code scope} in the TF checkpoint. */
    public static Builder builder(String scope) {
        return new Builder(scope);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return Scoped.compute(inputs, () -> new NDList(gatedConvolution(ps, inputs.singletonOrThrow(), training)));
    }

    private NDArray gatedConvolution(ParameterStore ps, NDArray x, boolean training) {
        var device = x.getDevice();
        NDArray feature = SamePadding.conv2d(x, ps.getValue(featureWeight, device, training),
                ps.getValue(featureBias, device, training), stride, dilation, 1);
        NDArray gateW = ps.getValue(gateWeight, device, training);
        NDArray gateB = ps.getValue(gateBias, device, training);
        NDArray gate = switch (gateType) {
            case GC, LWGC_SC -> SamePadding.conv2d(x, gateW, gateB, stride, dilation, 1);
            // The release's 1x1 gate has the layer's stride but no dilation.
            case LWGC_PW -> SamePadding.conv2d(x, gateW, gateB, stride, 1, 1);
            case LWGC_DS -> SamePadding.conv2d(
                    SamePadding.conv2d(x, ps.getValue(gateDepthwise, device, training), null, stride, dilation, inChannels),
                    gateW, gateB, 1, 1, 1);
        };
        return Activation.elu(feature, 1f).mul(Activation.sigmoid(gate));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {
            new Shape(in.get(0), outChannels, SamePadding.outputSize(in.get(2), stride),
                    SamePadding.outputSize(in.get(3), stride))
        };
    }

    @Override
    public List<TfVariable> tfVariables() {
        List<TfVariable> vars = new ArrayList<>();
        boolean separateScopes = gateType == GateType.GC || gateType == GateType.LWGC_SC;
        String feat = separateScopes ? scope + "_feat" : scope;
        vars.add(new TfVariable(feat + "/w", featureWeight, TfLayout.CONV_KERNEL));
        vars.add(new TfVariable(feat + "/biases", featureBias, TfLayout.VECTOR));
        if (separateScopes) {
            vars.add(new TfVariable(scope + "_gate/w", gateWeight, TfLayout.CONV_KERNEL));
            vars.add(new TfVariable(scope + "_gate/biases", gateBias, TfLayout.VECTOR));
        } else {
            if (gateDepthwise != null) {
                vars.add(new TfVariable(scope + "/dw", gateDepthwise, TfLayout.DEPTHWISE_KERNEL));
            }
            vars.add(new TfVariable(scope + "/pw", gateWeight, TfLayout.CONV_KERNEL));
            vars.add(new TfVariable(scope + "/ds_biases", gateBias, TfLayout.VECTOR));
        }
        return vars;
    }

    /** The layer's TF name scope. */
    public String scope() {
        return scope;
    }

    /** Output channels. */
    public int outChannels() {
        return outChannels;
    }

    /** Multiply-accumulates of one forward pass on an input of the given spatial size. */
    public long multiplyAccumulates(long inHeight, long inWidth) {
        long pixels = SamePadding.outputSize(inHeight, stride) * SamePadding.outputSize(inWidth, stride);
        long k2 = (long) kernel * kernel;
        long feature = k2 * inChannels * outChannels;
        long gate = switch (gateType) {
            case GC -> k2 * inChannels * outChannels;
            case LWGC_SC -> k2 * inChannels;
            case LWGC_PW -> (long) inChannels * outChannels;
            case LWGC_DS -> k2 * inChannels + (long) inChannels * outChannels;
        };
        return pixels * (feature + gate);
    }

    @Override
    public String toString() {
        return "GatedConv2d(" + scope + ", " + gateType + ", " + inChannels + "->" + outChannels
                + ", k" + kernel + " s" + stride + " d" + dilation + ")";
    }

    /** Layer settings; kernel 3, stride 1, dilation 1 unless set. */
    public static final class Builder {
        private final String scope;
        private GateType gateType = GateType.LWGC_SC;
        private int in;
        private int out;
        private int kernel = 3;
        private int stride = 1;
        private int dilation = 1;

        private Builder(String scope) {
            this.scope = scope;
        }

        public Builder gate(GateType type) {
            this.gateType = type;
            return this;
        }

        public Builder channels(int inChannels, int outChannels) {
            this.in = inChannels;
            this.out = outChannels;
            return this;
        }

        public Builder kernel(int k) {
            this.kernel = k;
            return this;
        }

        public Builder stride(int s) {
            this.stride = s;
            return this;
        }

        public Builder dilation(int d) {
            this.dilation = d;
            return this;
        }

        public GatedConv2d build() {
            if (in <= 0 || out <= 0) {
                throw new IllegalArgumentException(scope + ": channels must be positive");
            }
            return new GatedConv2d(this);
        }
    }
}
