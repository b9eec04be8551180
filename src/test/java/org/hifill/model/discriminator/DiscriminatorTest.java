package org.hifill.model.discriminator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.hifill.model.weights.TfVariable;
import org.hifill.tf.Layouts;
import org.hifill.tf.TfOps;
import org.hifill.tf.TfTensor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The released critic's layout, parameters and output, against the checkpoint listing and TF ops. */
class DiscriminatorTest {

    @Test
    void scoresEachImageOnceAtAnyCropSize() {
        try (NDManager m = NDManager.newBaseManager()) {
            for (int size : new int[] {64, 256}) {
                Discriminator critic = new Discriminator(size);
                Shape images = new Shape(3, 3, size, size);
                critic.initialize(m, DataType.FLOAT32, images);
                NDArray scores = critic.forward(new ParameterStore(m, false),
                        new NDList(m.randomUniform(-1, 1, images)), false).singletonOrThrow();
                assertThat(scores.getShape()).isEqualTo(new Shape(3, 1));
                assertThat(critic.getOutputShapes(new Shape[] {images})).containsExactly(new Shape(3, 1));
            }
        }
    }

    @Test
    void denseInputFollowsTheCropSize() {
        assertThat(denseKernelShape(512)).isEqualTo(new Shape(16384, 1));
        assertThat(denseKernelShape(256)).isEqualTo(new Shape(4096, 1));
        assertThat(denseKernelShape(64)).isEqualTo(new Shape(256, 1));
    }

    @Test
    void imagesOfAnotherSizeAreRefused() {
        try (NDManager m = NDManager.newBaseManager()) {
            Discriminator critic = new Discriminator(64);
            critic.initialize(m, DataType.FLOAT32, new Shape(1, 3, 64, 64));
            NDArray wrong = m.zeros(new Shape(1, 3, 128, 128));
            assertThatThrownBy(() -> critic.forward(new ParameterStore(m, false), new NDList(wrong), false))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("N x 3 x 64 x 64");
        }
    }

    @Test
    void releasedCriticHas5961601Parameters() {
        assertThat(new Discriminator(512).parameterCount()).isEqualTo(5_961_601L);
    }

    @Test
    void variablesAreTheCheckpointsDiscriminatorRows() throws IOException {
        Path shared = Path.of(System.getProperty("hifill.shared", "../shared"));
        Path listing = shared.resolve("reference/official-checkpoint/variables.tsv");
        Assumptions.assumeTrue(Files.isRegularFile(listing), listing + " absent: skipping");
        List<String> expected = Files.readAllLines(listing).stream()
                .filter(line -> line.startsWith(Discriminator.TF_SCOPE + "/"))
                .map(line -> String.join("\t", List.of(line.split("\t")).subList(0, 4)))
                .sorted()
                .toList();
        List<String> actual = new Discriminator(512).tfVariables().stream()
                .map(v -> String.join("\t", v.tfName(), "float32", TfVariable.formatShape(v.tfShape()),
                        Long.toString(v.parameter().getShape().size())))
                .sorted()
                .toList();
        assertThat(expected).hasSize(14);
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    /**
     * The critic at 128 x 128 (features 2 x 2 x 256 before the dense layer, so their flattening
     * order matters) with weights set through its TF variables, against the same network from TF
     * ops: conv2d SAME stride 2 plus biases, leaky ReLU 0.2, NHWC flatten, matmul plus bias.
     */
    @Test
    void matchesTheCriticBuiltFromTfOpsWithTheSameVariables() {
        Random rnd = new Random(5);
        int size = 128;
        Discriminator critic = new Discriminator(size);
        TfTensor x = Layouts.normal(rnd, 0.5f, 2, size, size, 3);
        try (NDManager m = NDManager.newBaseManager()) {
            critic.initialize(m, DataType.FLOAT32, new Shape(2, 3, size, size));
            Map<String, TfTensor> tf = new LinkedHashMap<>();
            for (TfVariable v : critic.tfVariables()) {
                TfTensor value = Layouts.normal(rnd, v.tfName().endsWith("/w") ? 0.05f : 0.1f, v.tfShape().getShape());
                tf.put(v.tfName(), value);
                v.parameter().getArray().set(v.layout().toEngine(Layouts.same(m, value)).toFloatArray());
            }
            NDArray scores = critic.forward(new ParameterStore(m, false), new NDList(Layouts.nchw(m, x)), false)
                    .singletonOrThrow();
            float[] expected = tfCritic(x, tf);
            float[] actual = scores.toFloatArray();
            float scale = Math.max(Math.abs(expected[0]), Math.abs(expected[1]));
            System.out.printf("DiscriminatorTest: scores %s, TF ops %s%n",
                    Arrays.toString(actual), Arrays.toString(expected));
            assertThat(actual).containsExactly(expected, within(1e-4f * scale));
        }
    }

    private static float[] tfCritic(TfTensor x, Map<String, TfTensor> v) {
        TfTensor a = x;
        for (int i = 1; i <= 6; i++) {
            String scope = Discriminator.TF_SCOPE + "/conv" + i;
            a = leakyRelu(addBias(TfOps.conv2d(a, v.get(scope + "/w"), 2, 1), v.get(scope + "/biases")));
        }
        // TfTensor data is row-major NHWC: each sample's features are TF's flatten order.
        TfTensor kernel = v.get(Discriminator.TF_SCOPE + "/linear/kernel");
        float bias = v.get(Discriminator.TF_SCOPE + "/linear/bias").data()[0];
        int features = (int) kernel.dim(0);
        float[] out = new float[(int) a.dim(0)];
        for (int n = 0; n < out.length; n++) {
            double sum = bias;
            for (int f = 0; f < features; f++) {
                sum += (double) a.data()[n * features + f] * kernel.data()[f];
            }
            out[n] = (float) sum;
        }
        return out;
    }

    private static TfTensor addBias(TfTensor x, TfTensor b) {
        float[] out = x.data().clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += b.data()[i % b.size()];
        }
        return TfTensor.of(x.shape(), out);
    }

    private static TfTensor leakyRelu(TfTensor x) {
        float[] out = x.data().clone();
        for (int i = 0; i < out.length; i++) {
            out[i] = out[i] > 0 ? out[i] : 0.2f * out[i];
        }
        return TfTensor.of(x.shape(), out);
    }

    private static Shape denseKernelShape(int size) {
        return new Discriminator(size).tfVariables().stream()
                .filter(v -> v.tfName().equals("discriminator/linear/kernel"))
                .findFirst().orElseThrow().tfShape();
    }
}
