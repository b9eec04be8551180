package org.hifill.model.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.hifill.model.weights.ModelDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The released generator (random weights) on inputs of several sizes: output shapes, the
 * attention matrix's row sums and zero columns for keys near the hole, exact pasting, batches,
 * and the errors for inputs it cannot take.
 */
class HiFillGeneratorShapesTest {

    private static NDManager manager;
    private static HiFillGenerator generator;

    @BeforeAll
    static void initialise() {
        manager = NDManager.newBaseManager();
        generator = ModelDirectory.initialise(GeneratorConfig.released(), manager);
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    @Test
    void nonSquare128x192GivesImagesOfTheInputSizeAndA96x96Attention() {
        checkOneImage(128, 192, "32:72, 50:101");
    }

    @Test
    void smallest64x64GivesA16x16Attention() {
        checkOneImage(64, 64, "20:30, 36:50");
    }

    @Test
    void aBatchOfTwoGivesPerImageResultsEqualToSingleRuns() {
        try (NDManager scope = manager.newSubManager()) {
            NDArray image = scope.randomUniform(-1f, 1f, new Shape(2, 3, 64, 64));
            NDArray mask = scope.zeros(new Shape(2, 1, 64, 64));
            mask.set(new NDIndex("0, :, 8:24, 8:40"), 1f);
            mask.set(new NDIndex("1, :, 40:60, 30:50"), 1f);

            GeneratorOutput batch = run(image, mask);

            assertThat(batch.coarse().getShape()).isEqualTo(new Shape(2, 3, 64, 64));
            assertThat(batch.refined().getShape()).isEqualTo(new Shape(2, 3, 64, 64));
            assertThat(batch.pasted().getShape()).isEqualTo(new Shape(2, 3, 64, 64));
            assertThat(batch.attention().getShape()).isEqualTo(new Shape(2, 16, 16));
            for (int n = 0; n < 2; n++) {
                NDIndex sample = new NDIndex(n + ":" + (n + 1));
                GeneratorOutput single = run(image.get(sample), mask.get(sample));
                assertThat(batch.refined().get(sample).allClose(single.refined(), 1e-4, 1e-5, false))
                        .as("refined of sample %d", n).isTrue();
                assertThat(batch.attention().get(sample).allClose(single.attention(), 1e-4, 1e-6, false))
                        .as("attention of sample %d", n).isTrue();
            }
        }
    }

    @Test
    void sideNotAMultipleOf64IsRejectedNamingTheRule() {
        assertRejected(new Shape(1, 3, 96, 64), new Shape(1, 1, 96, 64), "multiples of 64", "64x96");
        assertRejected(new Shape(1, 3, 64, 100), new Shape(1, 1, 64, 100), "multiples of 64", "100x64");
    }

    @Test
    void fourChannelImageIsRejected() {
        assertRejected(new Shape(1, 4, 64, 64), new Shape(1, 1, 64, 64), "image must be N x 3 x H x W", "(1, 4, 64, 64)");
    }

    @Test
    void maskOfAnotherSizeIsRejected() {
        assertRejected(new Shape(1, 3, 64, 64), new Shape(1, 1, 128, 64), "mask is 64x128", "image is 64x64");
        assertRejected(new Shape(1, 3, 64, 64), new Shape(2, 1, 64, 64), "batch 2", "batch 1");
        assertRejected(new Shape(1, 3, 64, 64), new Shape(1, 3, 64, 64), "mask must be N x 1 x H x W");
    }

    private void checkOneImage(int h, int w, String hole) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray image = scope.randomUniform(-1f, 1f, new Shape(1, 3, h, w));
            NDArray mask = scope.zeros(new Shape(1, 1, h, w));
            mask.set(new NDIndex(":, :, " + hole), 1f);

            GeneratorOutput out = run(image, mask);

            Shape imageShape = new Shape(1, 3, h, w);
            assertThat(out.coarse().getShape()).isEqualTo(imageShape);
            assertThat(out.refined().getShape()).isEqualTo(imageShape);
            assertThat(out.pasted().getShape()).isEqualTo(imageShape);
            int gh = h / 16;
            int gw = w / 16;
            int cells = gh * gw;
            assertThat(out.attention().getShape()).isEqualTo(new Shape(1, cells, cells));
            for (NDArray x : new NDArray[] {out.coarse(), out.refined(), out.pasted()}) {
                assertThat(x.min().getFloat()).isGreaterThanOrEqualTo(-1f);
                assertThat(x.max().getFloat()).isLessThanOrEqualTo(1f);
            }

            // Pasting: the input outside the hole, bit for bit; x2 inside it.
            float[] m = mask.toFloatArray();
            float[] in = image.toFloatArray();
            float[] refined = out.refined().toFloatArray();
            float[] pasted = out.pasted().toFloatArray();
            int plane = h * w;
            int outside = 0;
            for (int i = 0; i < pasted.length; i++) {
                float expected = m[i % plane] == 0f ? in[i] : refined[i];
                if (Float.compare(pasted[i] + 0f, expected + 0f) != 0) {
                    throw new AssertionError("pasted[" + i + "] = " + pasted[i] + " but expected " + expected
                            + (m[i % plane] == 0f ? " (input, outside the hole)" : " (refined, inside the hole)"));
                }
                outside += m[i % plane] == 0f ? 1 : 0;
            }
            assertThat(outside).isPositive().isLessThan(pasted.length);

            // Attention: key cells with a hole pixel in them or in a neighbour cell are never attended.
            boolean[] touched = touchedKeys(m, h, w);
            float[] a = out.attention().toFloatArray();
            double[] columnSums = new double[cells];
            for (int q = 0; q < cells; q++) {
                double rowSum = 0;
                for (int k = 0; k < cells; k++) {
                    float v = a[q * cells + k];
                    assertThat(v).as("A[%d,%d]", q, k).isGreaterThanOrEqualTo(0f);
                    if (touched[k]) {
                        assertThat(v).as("A[%d,%d], key touching the hole", q, k).isZero();
                    }
                    rowSum += v;
                    columnSums[k] += v;
                }
                assertThat(rowSum).as("row %d of A", q).isLessThanOrEqualTo(1 + 1e-5).isPositive();
            }
            int validKeys = 0;
            for (int k = 0; k < cells; k++) {
                if (!touched[k]) {
                    validKeys++;
                    assertThat(columnSums[k]).as("column %d (a valid key) of A", k).isPositive();
                }
            }
            assertThat(validKeys).isPositive().isLessThan(cells);
        }
    }

    /** Keys (raster order on the H/16 x W/16 grid) whose 3x3 cell neighbourhood holds a hole pixel. */
    private static boolean[] touchedKeys(float[] mask, int h, int w) {
        int gh = h / 16;
        int gw = w / 16;
        boolean[] holeCell = new boolean[gh * gw];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (mask[y * w + x] != 0f) {
                    holeCell[(y / 16) * gw + x / 16] = true;
                }
            }
        }
        boolean[] touched = new boolean[gh * gw];
        for (int r = 0; r < gh; r++) {
            for (int c = 0; c < gw; c++) {
                for (int dr = -1; dr <= 1; dr++) {
                    for (int dc = -1; dc <= 1; dc++) {
                        int rr = r + dr;
                        int cc = c + dc;
                        if (rr >= 0 && rr < gh && cc >= 0 && cc < gw && holeCell[rr * gw + cc]) {
                            touched[r * gw + c] = true;
                        }
                    }
                }
            }
        }
        return touched;
    }

    private static GeneratorOutput run(NDArray image, NDArray mask) {
        ParameterStore ps = new ParameterStore(manager, false);
        return GeneratorOutput.of(generator.forward(ps, new NDList(image, mask), false));
    }

    private static void assertRejected(Shape image, Shape mask, String... messageParts) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = scope.zeros(image);
            NDArray m = scope.zeros(mask);
            assertThatThrownBy(() -> run(x, m))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContainingAll(messageParts);
        }
    }
}
