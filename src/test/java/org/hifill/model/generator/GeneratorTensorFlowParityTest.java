package org.hifill.model.generator;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.hifill.masks.FreeFormStrokes;
import org.hifill.model.weights.ModelDirectory;
import org.hifill.model.weights.TfVariable;
import org.hifill.tf.Layouts;
import org.hifill.tf.TfReferenceGenerator;
import org.hifill.tf.TfTensor;
import org.junit.jupiter.api.Test;

/**
 * The whole generator against TensorFlow: the same random weights, exported through the
 * generator's own TF names and layouts, drive our DJL network and the released graph rebuilt
 * with TensorFlow ops ({@link TfReferenceGenerator}); coarse output, refine output and the
 * attention matrix must agree to 1e-4 (max absolute difference).
 */
class GeneratorTensorFlowParityTest {

    private static final float TOLERANCE = 1e-4f;

    @Test
    void releasedGeneratorMatchesTensorFlowAt512WithAFreeFormMask() {
        assertParity(512, 512, 7);
    }

    @Test
    void releasedGeneratorMatchesTensorFlowOnANonSquareInput() {
        assertParity(256, 384, 11);
    }

    private static void assertParity(int h, int w, long seed) {
        Random random = new Random(seed);
        try (NDManager manager = NDManager.newBaseManager()) {
            HiFillGenerator generator = ModelDirectory.initialise(GeneratorConfig.released(), manager);
            Map<String, TfTensor> weights = randomWeights(generator, manager, random);
            float[] image = new float[3 * h * w];
            for (int i = 0; i < image.length; i++) {
                image[i] = random.nextFloat() * 2 - 1;
            }
            float[] mask = FreeFormStrokes.brush().draw(w, h, 0.15, random).toArray();

            TfTensor imageNhwc = TfTensor.of(new long[] {1, h, w, 3}, image);
            TfTensor maskNhwc = TfTensor.of(new long[] {1, h, w, 1}, mask);
            NDArray imageNchw = Layouts.nchw(manager, imageNhwc);
            NDArray maskNchw = Layouts.nchw(manager, maskNhwc);
            GeneratorOutput ours = GeneratorOutput.of(generator.forward(
                    new ParameterStore(manager, false), new NDList(imageNchw, maskNchw), false));

            TfReferenceGenerator.Result tf;
            try (TfReferenceGenerator reference = new TfReferenceGenerator(h, w, weights)) {
                tf = reference.run(imageNhwc, maskNhwc);
            }
            float coarse = Layouts.nhwc(ours.coarse()).maxAbsDiff(tf.coarse());
            float refine = Layouts.nhwc(ours.refined()).maxAbsDiff(tf.refine());
            float pasted = Layouts.nhwc(ours.pasted()).maxAbsDiff(tf.pasted());
            float attention = Layouts.same(ours.attention().reshape(tf.attention().shape())).maxAbsDiff(tf.attention());
            System.out.printf("GeneratorTensorFlowParityTest %dx%d: max |DJL - TF| coarse %.2e, refine %.2e,"
                    + " pasted %.2e, attention %.2e (refine range %.2f..%.2f, largest attention %.3f)%n", h, w,
                    coarse, refine, pasted, attention, tf.refine().min(), tf.refine().max(), tf.attention().max());
            assertThat(coarse).as("coarse x1").isLessThanOrEqualTo(TOLERANCE);
            assertThat(refine).as("refine x2").isLessThanOrEqualTo(TOLERANCE);
            assertThat(pasted).as("pasted").isLessThanOrEqualTo(TOLERANCE);
            assertThat(attention).as("attention A").isLessThanOrEqualTo(TOLERANCE);
            // Random weights must still give a non-trivial picture and sharp attention rows.
            assertThat(tf.refine().max() - tf.refine().min()).as("refine output range").isGreaterThan(0.5f);
            assertThat(tf.attention().max()).as("largest attention weight").isGreaterThan(0.05f);
        }
    }

    /**
     * Sets every parameter to random values and returns the same values in TF layout: kernels
     * N(0, (1.5 / sqrt(fan-in))^2), so that signals neither die out nor explode through the 40-odd
     * layers, and biases N(0, 0.1^2).
     */
    private static Map<String, TfTensor> randomWeights(HiFillGenerator generator, NDManager manager, Random random) {
        Map<String, TfTensor> weights = new HashMap<>();
        for (TfVariable v : generator.tfVariables()) {
            Shape tfShape = v.tfShape();
            float[] values = new float[(int) tfShape.size()];
            long fanIn = tfShape.dimension() == 1 ? 0 : tfShape.size() / tfShape.get(tfShape.dimension() - 1);
            double stddev = fanIn == 0 ? 0.1 : 1.5 / Math.sqrt(fanIn);
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) (random.nextGaussian() * stddev);
            }
            NDArray engine = v.layout().toEngine(manager.create(values, tfShape));
            v.parameter().getArray().set(engine.toFloatArray());
            weights.put(v.tfName(), TfTensor.of(tfShape.getShape(), values));
        }
        return weights;
    }
}
