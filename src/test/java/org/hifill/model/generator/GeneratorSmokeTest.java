package org.hifill.model.generator;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class GeneratorSmokeTest {
    @Test
    void runs() {
        try (NDManager m = NDManager.newBaseManager()) {
            HiFillGenerator g = new HiFillGenerator(GeneratorConfig.released());
            g.initialize(m, DataType.FLOAT32, new Shape(1, 3, 512, 512), new Shape(1, 1, 512, 512));
            long total = g.tfVariables().stream().mapToLong(v -> v.parameter().getShape().size()).sum();
            System.out.println("params " + total + " vars " + g.tfVariables().size());
            var img = m.randomUniform(-1, 1, new Shape(1, 3, 512, 512));
            var mask = m.zeros(new Shape(1, 1, 512, 512));
            mask.set(new ai.djl.ndarray.index.NDIndex(":, :, 100:300, 150:250"), 1f);
            ParameterStore ps = new ParameterStore(m, false);
            for (int i = 0; i < 5; i++) {
                try (NDManager sub = m.newSubManager()) {
                    var in = new NDList(img, mask);
                    long t = System.nanoTime();
                    var out = GeneratorOutput.of(g.forward(ps, in, false));
                    System.out.println("forward ms " + (System.nanoTime() - t) / 1e6 + " " + out.attention().getShape());
                }
            }
            assertThat(total).isEqualTo(2_722_791L);
        }
    }
}
