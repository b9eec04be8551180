package org.hifill.model.weights;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.hifill.model.weights.RandomGeneratorCheckpoint.Tensor;
import org.hifill.model.weights.checkpoint.TensorEntry;
import org.hifill.model.weights.checkpoint.TfCheckpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports a checkpoint that TensorFlow Java wrote with random values for all 192 generator
 * variables (and a few discriminator ones), loads the saved model directory, and compares every
 * engine parameter with the value TensorFlow was given, by explicit HWIO -> OIHW index
 * arithmetic and the BGR -> RGB channel reversal of reference section 2.
 */
class CheckpointImporterTest {

    /** Reference section 4. */
    private static final long RELEASED_PARAMETERS = 2_722_791;

    /** Reference section 2: kernels whose input channels 0..2 are colour (3 is the mask). */
    private static final Set<String> INPUT_COLOUR = Set.of(
            "generator/c_en_down_128_feat/w",
            "generator/c_en_down_128_gate/w",
            "generator/re_en_down_256/w",
            "generator/re_en_down_256/pw");
    /** Reference section 2: tensors whose three output channels are colour. */
    private static final Set<String> OUTPUT_COLOUR = Set.of(
            "generator/c_de_toRGB/c_de_toRGB_conv_feat/w",
            "generator/c_de_toRGB/c_de_toRGB_conv_feat/biases",
            "generator/re_de_toRGB__256/re_de_toRGB__256_conv/w",
            "generator/re_de_toRGB__256/re_de_toRGB__256_conv/biases",
            "generator/re_de_toRGB__256/re_de_toRGB__256_conv/pw",
            "generator/re_de_toRGB__256/re_de_toRGB__256_conv/ds_biases");

    @TempDir
    static Path dir;
    private static Path prefix;
    private static Map<String, Tensor> written;
    private static CheckpointImporter.Summary summary;
    private static NDManager manager;
    private static ModelDirectory.Loaded loaded;
    /** Engine values (OIHW, row-major) of every loaded parameter, by TF name. */
    private static final Map<String, float[]> engine = new HashMap<>();

    @BeforeAll
    static void importCheckpointWrittenByTensorFlow() throws IOException {
        written = RandomGeneratorCheckpoint.generatorTensors(2020);
        Map<String, Tensor> all = new LinkedHashMap<>(written);
        Random random = new Random(1);
        all.put("discriminator/conv1/w", RandomGeneratorCheckpoint.gaussian(random, 5, 5, 3, 64));
        all.put("discriminator/conv1/biases", RandomGeneratorCheckpoint.gaussian(random, 64));
        all.put("discriminator/linear/bias", RandomGeneratorCheckpoint.gaussian(random, 1));
        prefix = dir.resolve("release/0");
        RandomGeneratorCheckpoint.write(all, prefix);

        summary = CheckpointImporter.importInto(prefix, dir.resolve("model"), "test data");
        manager = NDManager.newBaseManager();
        loaded = ModelDirectory.load(dir.resolve("model"), manager);
        for (TfVariable v : loaded.generator().tfVariables()) {
            engine.put(v.tfName(), v.parameter().getArray().toFloatArray());
        }
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    @Test
    void importsEveryGeneratorVariableAndIgnoresTheDiscriminator() throws IOException {
        try (TfCheckpoint checkpoint = TfCheckpoint.open(prefix)) {
            assertThat(checkpoint.entries()).extracting(TensorEntry::name)
                    .hasSize(195)
                    .contains("discriminator/conv1/w", "discriminator/linear/bias");
        }
        assertThat(summary.tensors()).isEqualTo(192);
        assertThat(summary.parameters()).isEqualTo(RELEASED_PARAMETERS);
        assertThat(engine.keySet()).containsExactlyInAnyOrderElementsOf(written.keySet())
                .containsAll(INPUT_COLOUR)
                .containsAll(OUTPUT_COLOUR);
    }

    @Test
    void colourIndifferentTensorsAreTheTfValuesTransposedHwioToOihw() {
        List<String> untouched = written.keySet().stream()
                .filter(n -> !INPUT_COLOUR.contains(n) && !OUTPUT_COLOUR.contains(n))
                .toList();
        assertThat(untouched).hasSize(182).contains("generator/c_de_toRGB/c_de_toRGB_conv_gate/w");
        for (String name : untouched) {
            assertEngineMatches(name, false, false);
        }
        // One element spelled out: engine [o=5][i=7][h=1][w=2] of a 3x3x128x128 kernel is TF [1][2][7][5].
        float[] tf = written.get("generator/re_dil_d1/w").values();
        assertThat(engine.get("generator/re_dil_d1/w")[((5 * 128 + 7) * 3 + 1) * 3 + 2])
                .isEqualTo(tf[((1 * 3 + 2) * 128 + 7) * 128 + 5]);
    }

    @Test
    void inputKernelsHaveColourInputChannelsReversedAndTheMaskChannelKept() {
        for (String name : INPUT_COLOUR) {
            assertEngineMatches(name, true, false);
        }
        // c_en_down_128_feat/w is 5x5x4x32: engine [o][i][h][w] at o=9, h=4, w=1.
        float[] tf = written.get("generator/c_en_down_128_feat/w").values();
        float[] rgb = engine.get("generator/c_en_down_128_feat/w");
        int o = 9;
        int h = 4;
        int w = 1;
        for (int i = 0; i < 4; i++) {
            int tfChannel = i == 3 ? 3 : 2 - i;
            assertThat(rgb[((o * 4 + i) * 5 + h) * 5 + w]).as("input channel %d", i)
                    .isEqualTo(tf[((h * 5 + w) * 4 + tfChannel) * 32 + o]);
        }
    }

    @Test
    void outputKernelsAndBiasesHaveColourOutputChannelsReversed() {
        for (String name : OUTPUT_COLOUR) {
            assertEngineMatches(name, false, true);
        }
        float[] tfBias = written.get("generator/re_de_toRGB__256/re_de_toRGB__256_conv/biases").values();
        assertThat(engine.get("generator/re_de_toRGB__256/re_de_toRGB__256_conv/biases"))
                .containsExactly(tfBias[2], tfBias[1], tfBias[0]);
    }

    @Test
    void manifestRecordsTheImportedCheckpointInRgbOrder() {
        ModelManifest manifest = loaded.manifest();
        assertThat(manifest.colourOrder()).isEqualTo("RGB");
        assertThat(manifest.parameterCount()).isEqualTo(RELEASED_PARAMETERS);
        assertThat(manifest.provenance().source()).isEqualTo("imported-tf-checkpoint");
        assertThat(manifest.provenance().data()).isEqualTo("test data");
        assertThat(manifest.provenance().notes()).contains(prefix.toAbsolutePath().toString());
    }

    /**
     * Checks every element of a loaded parameter against the TF value: a HWIO kernel element
     * [h][w][i][o] must sit at engine [o][i][h][w]; a vector element stays where it is. With
     * {@code reverseIn}, engine input channel i < 3 reads TF channel 2 - i; with
     * {@code reverseOut}, engine output channel o reads TF channel 2 - o.
     */
    private static void assertEngineMatches(String name, boolean reverseIn, boolean reverseOut) {
        Tensor tf = written.get(name);
        float[] actual = engine.get(name);
        assertThat(actual).as(name).hasSameSizeAs(tf.values());
        long[] s = tf.shape();
        if (s.length == 1) {
            for (int k = 0; k < s[0]; k++) {
                assertElement(name, actual[k], tf.values()[reverseOut ? 2 - k : k], k);
            }
            return;
        }
        assertThat(s).as(name).hasSize(4);
        int kh = (int) s[0];
        int kw = (int) s[1];
        int in = (int) s[2];
        int out = (int) s[3];
        for (int o = 0; o < out; o++) {
            int tfO = reverseOut ? 2 - o : o;
            for (int i = 0; i < in; i++) {
                int tfI = reverseIn && i < 3 ? 2 - i : i;
                for (int h = 0; h < kh; h++) {
                    for (int w = 0; w < kw; w++) {
                        int engineIndex = ((o * in + i) * kh + h) * kw + w;
                        assertElement(name, actual[engineIndex], tf.values()[((h * kw + w) * in + tfI) * out + tfO],
                                engineIndex);
                    }
                }
            }
        }
    }

    /** Compares bits, without building an assertion per element (millions of them). */
    private static void assertElement(String name, float actual, float expected, int engineIndex) {
        if (Float.floatToRawIntBits(actual) != Float.floatToRawIntBits(expected)) {
            assertThat(actual).as("%s, engine element %d", name, engineIndex).isEqualTo(expected);
        }
    }
}
