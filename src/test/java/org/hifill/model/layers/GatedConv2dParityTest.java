package org.hifill.model.layers;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.hifill.model.weights.TfVariable;
import org.hifill.tf.Layouts;
import org.hifill.tf.TfOps;
import org.hifill.tf.TfTensor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link GatedConv2d} of each gate type against the same layer built from TensorFlow ops,
 * {@code sigmoid(gate) * elu(feature)} with {@code feature = conv2d(x, w) + biases} and the gate
 * branch of Table 1: GC a full k x k conv2d, LWGC_sc a k x k conv2d to one channel (broadcast),
 * LWGC_pw a 1x1 conv2d at the layer's stride, LWGC_ds a depthwise k x k conv2d followed by a 1x1
 * conv2d. The engine parameters are set from random TF-layout (HWIO) arrays through
 * {@link GatedConv2d#tfVariables()}, so the test also proves the TF names and layouts map onto
 * the right engine parameters.
 */
class GatedConv2dParityTest {

    private static final Map<GateType, Float> WORST = new LinkedHashMap<>();

    /** gate type, in, out, kernel, stride, dilation, height, width. */
    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (GateType g : GateType.values()) {
            out.add(Arguments.of(g, 5, 6, 3, 1, 1, 16, 16));
            out.add(Arguments.of(g, 5, 6, 3, 2, 1, 17, 13));
            out.add(Arguments.of(g, 4, 7, 5, 2, 1, 16, 24));
            out.add(Arguments.of(g, 6, 5, 3, 1, 4, 17, 13));
            out.add(Arguments.of(g, 3, 4, 5, 1, 2, 12, 20));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}->{2} k{3} s{4} d{5} on {6}x{7}")
    @MethodSource("cases")
    void matchesTfGatedConvolution(GateType type, int cin, int cout, int k, int s, int d, int h, int w) {
        Random rnd = new Random(type.ordinal() * 1000L + cin * 100L + k * 10L + s + d * 7L + h);
        GatedConv2d layer = GatedConv2d.builder("g").gate(type).channels(cin, cout).kernel(k).stride(s)
                .dilation(d).build();
        TfTensor x = Layouts.normal(rnd, 1f, 1, h, w, cin);
        try (NDManager m = NDManager.newBaseManager()) {
            layer.initialize(m, DataType.FLOAT32, new Shape(1, cin, h, w));
            Map<String, TfTensor> tf = new LinkedHashMap<>();
            for (TfVariable v : layer.tfVariables()) {
                TfTensor value = Layouts.normal(rnd, v.tfName().endsWith("biases") ? 0.5f : 0.3f,
                        v.tfShape().getShape());
                tf.put(v.tfName(), value);
                NDArray engine = v.layout().toEngine(Layouts.same(m, value));
                assertThat(engine.getShape()).isEqualTo(v.parameter().getArray().getShape());
                v.parameter().getArray().set(engine.toFloatArray());
            }
            assertThat(tf.keySet()).containsExactlyElementsOf(expectedNames(type));
            assertThat(tf.get(gateWeightName(type)).shape()).containsExactly(gateWeightShape(type, cin, cout, k));

            NDArray y = layer.forward(new ParameterStore(m, false), new NDList(Layouts.nchw(m, x)), false)
                    .singletonOrThrow();
            TfTensor actual = Layouts.nhwc(y);
            TfTensor expected = tfGatedConv(type, x, tf, s, d);
            assertThat(actual.shape()).containsExactly(expected.shape());
            assertThat(y.getShape()).isEqualTo(layer.getOutputShapes(new Shape[] {new Shape(1, cin, h, w)})[0]);
            float diff = actual.maxAbsDiff(expected);
            WORST.merge(type, diff, Math::max);
            assertThat(diff).isLessThanOrEqualTo(1e-5f);
        }
    }

    private static List<String> expectedNames(GateType type) {
        return switch (type) {
            case GC, LWGC_SC -> List.of("g_feat/w", "g_feat/biases", "g_gate/w", "g_gate/biases");
            case LWGC_PW -> List.of("g/w", "g/biases", "g/pw", "g/ds_biases");
            case LWGC_DS -> List.of("g/w", "g/biases", "g/dw", "g/pw", "g/ds_biases");
        };
    }

    private static String gateWeightName(GateType type) {
        return type == GateType.GC || type == GateType.LWGC_SC ? "g_gate/w" : "g/pw";
    }

    private static long[] gateWeightShape(GateType type, int cin, int cout, int k) {
        return switch (type) {
            case GC -> new long[] {k, k, cin, cout};
            case LWGC_SC -> new long[] {k, k, cin, 1};
            case LWGC_PW, LWGC_DS -> new long[] {1, 1, cin, cout};
        };
    }

    /** The layer from TF ops, NHWC. */
    private static TfTensor tfGatedConv(GateType type, TfTensor x, Map<String, TfTensor> v, int s, int d) {
        return switch (type) {
            case GC, LWGC_SC -> gated(
                    addBias(TfOps.conv2d(x, v.get("g_feat/w"), s, d), v.get("g_feat/biases")),
                    addBias(TfOps.conv2d(x, v.get("g_gate/w"), s, d), v.get("g_gate/biases")));
            case LWGC_PW -> gated(
                    addBias(TfOps.conv2d(x, v.get("g/w"), s, d), v.get("g/biases")),
                    addBias(TfOps.conv2d(x, v.get("g/pw"), s, 1), v.get("g/ds_biases")));
            case LWGC_DS -> gated(
                    addBias(TfOps.conv2d(x, v.get("g/w"), s, d), v.get("g/biases")),
                    addBias(TfOps.conv2d(TfOps.depthwiseConv2d(x, v.get("g/dw"), s, d), v.get("g/pw"), 1, 1),
                            v.get("g/ds_biases")));
        };
    }

    private static TfTensor addBias(TfTensor x, TfTensor b) {
        float[] out = x.data().clone();
        int c = b.size();
        for (int i = 0; i < out.length; i++) {
            out[i] += b.data()[i % c];
        }
        return TfTensor.of(x.shape(), out);
    }

    /** sigmoid(gate) * elu(feature); a one-channel gate is broadcast over the feature channels. */
    private static TfTensor gated(TfTensor feature, TfTensor gate) {
        float[] out = new float[feature.size()];
        int c = (int) feature.dim(3);
        int gc = (int) gate.dim(3);
        for (int i = 0; i < out.length; i++) {
            double f = feature.data()[i];
            double g = gate.data()[gc == 1 ? i / c : i];
            double elu = f > 0 ? f : Math.expm1(f);
            out[i] = (float) (elu / (1 + Math.exp(-g)));
        }
        return TfTensor.of(feature.shape(), out);
    }

    @AfterAll
    static void report() {
        WORST.forEach((type, diff) -> System.out.printf(
                "GatedConv2dParityTest %s: max |DJL - TF ops| = %.3g%n", type, diff));
    }
}
