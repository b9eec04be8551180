package org.hifill.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.PairList;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Two Adam updates of w on the loss w^2 from w = 1 (gradient 2w), lr 0.1, beta1 0.5, beta2 0.9,
 * worked by hand: step 1, g = 2, m = 1, v = 0.4, w = 1 - 0.1 sqrt(0.1) / 0.5 * 1 / sqrt(0.4) = 0.9;
 * step 2, g = 1.8, m = 1.4, v = 0.684, w = 0.9 - 0.1 sqrt(0.19) / 0.75 * 1.4 / sqrt(0.684) = 0.8016180.
 */
class AdamTest {

    @Test
    void twoStepsMatchTheHandComputedUpdate() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            PairList<String, Parameter> parameters = scalarParameter(manager);
            Adam adam = new Adam(manager, 0.1f, 0.5f, 0.9f, 1e-8f);
            descend(adam, parameters);
            assertThat(value(parameters)).isCloseTo(0.9f, within(1e-6f));
            descend(adam, parameters);
            assertThat(value(parameters)).isCloseTo(0.8016180f, within(1e-6f));
            assertThat(adam.steps()).isEqualTo(2);
        }
    }

    @Test
    void savedStateContinuesExactly() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            PairList<String, Parameter> parameters = scalarParameter(manager);
            Adam adam = new Adam(manager, 0.1f, 0.5f, 0.9f, 1e-8f);
            descend(adam, parameters);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            adam.save(new DataOutputStream(bytes));
            Adam restored = new Adam(manager, 0.1f, 0.5f, 0.9f, 1e-8f);
            restored.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), manager);
            descend(restored, parameters);
            assertThat(restored.steps()).isEqualTo(2);
            assertThat(value(parameters)).isCloseTo(0.8016180f, within(1e-6f));
        }
    }

    @Test
    void refusesNonFiniteOrHugeGradientsAndKeepsItsState() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            PairList<String, Parameter> parameters = scalarParameter(manager);
            Adam adam = new Adam(manager, 0.1f, 0.5f, 0.9f, 1e-8f);
            descend(adam, parameters);

            for (float scale : new float[] {Float.NaN, Float.POSITIVE_INFINITY, 1e7f}) {
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    Adam.zeroGradients(parameters);
                    NDArray w = parameters.get(0).getValue().getArray();
                    gc.backward(w.mul(scale).sum());
                }
                assertThat(adam.step(parameters)).as("update with gradient %s", scale).isFalse();
            }

            assertThat(adam.steps()).isEqualTo(1);
            assertThat(value(parameters)).isCloseTo(0.9f, within(1e-6f));
            descend(adam, parameters);
            assertThat(value(parameters)).as("the moments were left as they were").isCloseTo(0.8016180f, within(1e-6f));
        }
    }

    private static PairList<String, Parameter> scalarParameter(NDManager manager) {
        Parameter w = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT).build();
        NDArray array = manager.create(new float[] {1f});
        array.setRequiresGradient(true);
        w.setArray(array);
        PairList<String, Parameter> parameters = new PairList<>();
        parameters.add("w", w);
        return parameters;
    }

    /** Backward pass of w^2, then one update. */
    private static void descend(Adam adam, PairList<String, Parameter> parameters) {
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            Adam.zeroGradients(parameters);
            NDArray w = parameters.get(0).getValue().getArray();
            gc.backward(w.square().sum());
        }
        adam.step(parameters);
    }

    private static float value(PairList<String, Parameter> parameters) {
        return parameters.get(0).getValue().getArray().getFloat(0);
    }
}
