package org.hifill.model.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.hifill.model.layers.GateType;
import org.hifill.model.layers.GatedConv2d;
import org.hifill.model.weights.ModelDirectory;
import org.hifill.model.weights.TfVariable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Parameter counts of the gate variants (paper Table 1) and the generator's other configurations. */
class GeneratorConfigurationsTest {

    @ParameterizedTest(name = "{0}: {1} gate weights")
    @CsvSource({"GC, 9216", "LWGC_DS, 1312", "LWGC_PW, 1024", "LWGC_SC, 288"})
    void gateParameterCountsOfA3x3Layer32To32MatchTable1(GateType gate, long expectedGateWeights) {
        GatedConv2d layer = GatedConv2d.builder("layer").gate(gate).channels(32, 32).kernel(3).build();

        String featureWeight = gate == GateType.GC || gate == GateType.LWGC_SC ? "layer_feat/w" : "layer/w";
        long gateWeights = 0;
        long featureWeights = 0;
        for (TfVariable v : layer.tfVariables()) {
            long n = v.parameter().getShape().size();
            if (v.tfName().equals(featureWeight)) {
                featureWeights += n;
            } else if (!v.tfName().endsWith("biases")) {
                gateWeights += n;
            }
        }

        assertThat(featureWeights).isEqualTo(3 * 3 * 32 * 32);
        assertThat(gateWeights).isEqualTo(expectedGateWeights);
    }

    @Test
    void releasedConfigurationHasTheCheckpointsParameterCount() {
        HiFillGenerator generator = new HiFillGenerator(GeneratorConfig.released());

        assertThat(ModelDirectory.parameterCount(generator)).isEqualTo(2_722_791L);
        assertThat(generator.tfVariables()).hasSize(192)
                .allSatisfy(v -> assertThat(v.tfName()).startsWith("generator/"));
    }

    @Test
    void withoutAttentionAndTransferTheGeneratorBuildsRunsAt128AndIsSmaller() {
        GeneratorConfig plain = new GeneratorConfig(GateType.LWGC_SC, GateType.LWGC_PW, 32, false, false);
        GeneratorConfig attentionOnly = new GeneratorConfig(GateType.LWGC_SC, GateType.LWGC_PW, 32, true, false);

        try (NDManager manager = NDManager.newBaseManager()) {
            HiFillGenerator generator = ModelDirectory.initialise(plain, manager);
            NDArray image = manager.randomUniform(-1f, 1f, new Shape(1, 3, 128, 128));
            NDArray mask = manager.zeros(new Shape(1, 1, 128, 128));
            mask.set(new NDIndex(":, :, 32:80, 40:96"), 1f);

            GeneratorOutput out = GeneratorOutput.of(
                    generator.forward(new ParameterStore(manager, false), new NDList(image, mask), false));

            assertThat(out.coarse().getShape()).isEqualTo(new Shape(1, 3, 128, 128));
            assertThat(out.refined().getShape()).isEqualTo(new Shape(1, 3, 128, 128));
            assertThat(out.pasted().getShape()).isEqualTo(new Shape(1, 3, 128, 128));
            assertThat(out.attention()).isNull();
            assertThat(generator.tfVariables()).noneMatch(v -> v.tfName().contains("_att"));

            long released = ModelDirectory.parameterCount(new HiFillGenerator(GeneratorConfig.released()));
            long withAttention = ModelDirectory.parameterCount(new HiFillGenerator(attentionOnly));
            long without = ModelDirectory.parameterCount(generator);
            assertThat(without).isLessThan(withAttention);
            assertThat(withAttention).isLessThan(released);
        }
    }

    @Test
    void transferWithoutAttentionIsRejected() {
        assertThatThrownBy(() -> new GeneratorConfig(GateType.LWGC_SC, GateType.LWGC_PW, 32, false, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("transfer")
                .hasMessageContaining("attention");
    }

    @ParameterizedTest(name = "base width {0}")
    @ValueSource(ints = {0, -32, 2, 30, 33})
    void badBaseWidthsAreRejected(int width) {
        assertThatThrownBy(() -> GeneratorConfig.released().withBaseWidth(width))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("base width")
                .hasMessageContaining(Integer.toString(width));
    }

    @Test
    void missingGateTypesAreRejected() {
        for (GateType[] gates : new GateType[][] {{null, GateType.LWGC_PW}, {GateType.LWGC_SC, null}}) {
            assertThatThrownBy(() -> new GeneratorConfig(gates[0], gates[1], 32, true, true))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("gate");
        }
    }
}
