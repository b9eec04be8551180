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
import org.hifill.model.weights.ModelDirectory;
import org.hifill.model.weights.TfVariable;
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
            float[] mask = FreeFormStrokes.draw(h, w, random);

            NDArray imageNchw = manager.create(image, new Shape(1, h, w, 3)).transpose(0, 3, 1, 2);
            NDArray maskNchw = manager.create(mask, new Shape(1, 1, h, w));
            GeneratorOutput ours = GeneratorOutput.of(generator.forward(
                    new ParameterStore(manager, false), new NDList(imageNchw, maskNchw), false));

            TfReferenceGenerator.Result tf;
            try (TfReferenceGenerator reference = new TfReferenceGenerator(h, w, weights)) {
                tf = reference.run(TfTensor.of(new long[] {1, h, w, 3}, image),
                        TfTensor.of(new long[] {1, h, w, 1}, mask));
            }
            assertThat(maxAbsDiff(ours.coarse(), tf.coarse())).as("coarse x1").isLessThanOrEqualTo(TOLERANCE);
            assertThat(maxAbsDiff(ours.refined(), tf.refine())).as("refine x2").isLessThanOrEqualTo(TOLERANCE);
            assertThat(maxAbsDiff(ours.pasted(), tf.pasted())).as("pasted").isLessThanOrEqualTo(TOLERANCE);
            float[] a = ours.attention().toFloatArray();
            float attentionDiff = 0;
            for (int i = 0; i < a.length; i++) {
                attentionDiff = Math.max(attentionDiff, Math.abs(a[i] - tf.attention().data()[i]));
            }
            assertThat(attentionDiff).as("attention A").isLessThanOrEqualTo(TOLERANCE);
            System.out.printf("parity %dx%d: coarse %.2e, refine %.2e, attention %.2e%n", h, w,
                    maxAbsDiff(ours.coarse(), tf.coarse()), maxAbsDiff(ours.refined(), tf.refine()), attentionDiff);
        }
    }

    /** Sets every parameter to N(0, 0.05) values and returns the same values in TF layout. */
    private static Map<String, TfTensor> randomWeights(HiFillGenerator generator, NDManager manager, Random random) {
        Map<String, TfTensor> weights = new HashMap<>();
        for (TfVariable v : generator.tfVariables()) {
            Shape tfShape = v.tfShape();
            float[] values = new float[(int) tfShape.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) (random.nextGaussian() * 0.05);
            }
            NDArray engine = v.layout().toEngine(manager.create(values, tfShape));
            v.parameter().getArray().set(engine.toFloatArray());
            weights.put(v.tfName(), TfTensor.of(tfShape.getShape(), values));
        }
        return weights;
    }

    /** Max |ours - tf| with ours NCHW and tf NHWC. */
    private static float maxAbsDiff(NDArray oursNchw, TfTensor tfNhwc) {
        float[] ours = oursNchw.transpose(0, 2, 3, 1).toFloatArray();
        assertThat(ours.length).isEqualTo(tfNhwc.size());
        float max = 0;
        for (int i = 0; i < ours.length; i++) {
            max = Math.max(max, Math.abs(ours[i] - tfNhwc.data()[i]));
        }
        return max;
    }
}
