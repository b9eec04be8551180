package org.hifill.tf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole reference generator with random weights shaped like the released checkpoint. */
class TfReferenceGeneratorTest {

    private static Map<String, TfTensor> weights;
    private static Set<String> generatorVariables;

    @BeforeAll
    static void loadShapes() throws IOException {
        weights = randomWeightsOrSkip(2020);
        generatorVariables = new TreeSet<>(weights.keySet());
    }

    /**
     * Random generator weights shaped like ${hifill.shared}/reference/official-checkpoint/variables.tsv;
     * skips the calling test class (JUnit assumption) when the file is not there.
     */
    static Map<String, TfTensor> randomWeightsOrSkip(long seed) throws IOException {
        String shared = System.getProperty("hifill.shared");
        Assumptions.assumeTrue(shared != null, "system property hifill.shared is not set: skipping");
        Path tsv = Path.of(shared, "reference", "official-checkpoint", "variables.tsv");
        Assumptions.assumeTrue(Files.isRegularFile(tsv), "variables.tsv not found at " + tsv + ": skipping");
        return randomWeights(Files.readAllLines(tsv), seed);
    }

    /** Truncated-normal (|z| <= 2) weights with stddev 0.05, biases N(0, 0.01), for every generator variable. */
    static Map<String, TfTensor> randomWeights(List<String> tsvLines, long seed) {
        Random rnd = new Random(seed);
        Map<String, TfTensor> out = new LinkedHashMap<>();
        for (String line : tsvLines.subList(1, tsvLines.size())) {
            String[] f = line.split("\t");
            if (!f[0].startsWith(TfReferenceGenerator.PREFIX)) {
                continue;
            }
            String[] dims = f[2].split("x");
            long[] shape = new long[dims.length];
            for (int i = 0; i < dims.length; i++) {
                shape[i] = Long.parseLong(dims[i]);
            }
            float[] d = new float[(int) TfTensor.elementCount(shape)];
            boolean bias = f[0].endsWith("biases");
            for (int i = 0; i < d.length; i++) {
                double z;
                do {
                    z = rnd.nextGaussian();
                } while (Math.abs(z) > 2);
                d[i] = (float) (z * (bias ? 0.01 : 0.05));
            }
            out.put(f[0], TfTensor.of(shape, d));
        }
        return out;
    }

    static TfTensor image(int h, int w, long seed) {
        Random rnd = new Random(seed);
        float[] d = new float[h * w * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    double v = 0.6 * Math.sin(0.05 * x + 0.7 * c) * Math.cos(0.03 * y - 0.2 * c)
                            + 0.3 * (rnd.nextDouble() * 2 - 1);
                    d[(y * w + x) * 3 + c] = (float) v;
                }
            }
        }
        return TfTensor.of(new long[] {1, h, w, 3}, d);
    }

    /** Binary mask with 1 inside the given rectangles (y0, x0, y1, x1 exclusive). */
    static TfTensor mask(int h, int w, int[]... rects) {
        float[] d = new float[h * w];
        for (int[] r : rects) {
            for (int y = r[0]; y < r[2]; y++) {
                for (int x = r[1]; x < r[3]; x++) {
                    d[y * w + x] = 1f;
                }
            }
        }
        return TfTensor.of(new long[] {1, h, w, 1}, d);
    }

    /** 1 for keys whose 16x16 cell, dilated by a 3x3 max (clipped at the borders), touches the hole. */
    static boolean[] invalidKeys(TfTensor mask) {
        int h = (int) mask.dim(1);
        int w = (int) mask.dim(2);
        int gh = h / 16;
        int gw = w / 16;
        boolean[] cell = new boolean[gh * gw];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (mask.data()[y * w + x] > 0) {
                    cell[(y / 16) * gw + x / 16] = true;
                }
            }
        }
        boolean[] out = new boolean[gh * gw];
        for (int cy = 0; cy < gh; cy++) {
            for (int cx = 0; cx < gw; cx++) {
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int y = cy + dy;
                        int x = cx + dx;
                        if (y >= 0 && y < gh && x >= 0 && x < gw && cell[y * gw + x]) {
                            out[cy * gw + cx] = true;
                        }
                    }
                }
            }
        }
        return out;
    }

    private static void checkOutputs(TfReferenceGenerator.Result r, TfTensor image, TfTensor mask) {
        int h = (int) image.dim(1);
        int w = (int) image.dim(2);
        int n = (h / 16) * (w / 16);
        assertThat(r.coarse().shape()).containsExactly(1, h, w, 3);
        assertThat(r.refine().shape()).containsExactly(1, h, w, 3);
        assertThat(r.pasted().shape()).containsExactly(1, h, w, 3);
        assertThat(r.attention().shape()).containsExactly(n, n);
        for (TfTensor t : List.of(r.coarse(), r.refine(), r.pasted(), r.attention())) {
            assertThat(t.allFinite()).as("finite %s", t).isTrue();
        }
        assertThat(r.coarse().min()).isGreaterThanOrEqualTo(-1f);
        assertThat(r.coarse().max()).isLessThanOrEqualTo(1f);
        assertThat(r.refine().min()).isGreaterThanOrEqualTo(-1f);
        assertThat(r.refine().max()).isLessThanOrEqualTo(1f);

        // pasted = refine in the hole, the input image elsewhere
        for (int p = 0; p < h * w; p++) {
            boolean hole = mask.data()[p] > 0;
            for (int c = 0; c < 3; c++) {
                float expected = hole ? r.refine().data()[p * 3 + c] : image.data()[p * 3 + c];
                assertThat(r.pasted().data()[p * 3 + c]).isEqualTo(expected);
            }
        }

        // attention: non-negative, rows sum to at most 1, invalid key columns exactly 0
        boolean[] invalid = invalidKeys(mask);
        float[] a = r.attention().data();
        int invalidCount = 0;
        for (boolean b : invalid) {
            invalidCount += b ? 1 : 0;
        }
        assertThat(invalidCount).isPositive().isLessThan(n);
        for (int q = 0; q < n; q++) {
            double sum = 0;
            for (int k = 0; k < n; k++) {
                float v = a[q * n + k];
                assertThat(v).isGreaterThanOrEqualTo(0f);
                if (invalid[k]) {
                    assertThat(v).as("A[%d,%d] for an invalid key", q, k).isEqualTo(0f);
                }
                sum += v;
            }
            assertThat(sum).as("row %d", q).isLessThanOrEqualTo(1 + 1e-5).isPositive();
        }
    }

    @Test
    void releasedLayoutAt512() {
        int h = 512;
        int w = 512;
        TfTensor image = image(h, w, 1);
        TfTensor mask = mask(h, w, new int[] {150, 200, 300, 380}, new int[] {400, 30, 460, 100});
        long t0 = System.nanoTime();
        try (TfReferenceGenerator g = new TfReferenceGenerator(h, w, weights)) {
            long t1 = System.nanoTime();
            assertThat(g.usedVariables()).isEqualTo(generatorVariables);
            TfReferenceGenerator.Result r = g.run(image, mask);
            long t2 = System.nanoTime();
            TfReferenceGenerator.Result again = g.run(image, mask);
            long t3 = System.nanoTime();
            System.out.printf("TfReferenceGenerator 512x512: build %d ms, first run %d ms, second run %d ms%n",
                    (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
            checkOutputs(r, image, mask);
            assertThat(again.refine().maxAbsDiff(r.refine())).isLessThanOrEqualTo(1e-6f);
            assertThat(r.attention().maxAbsDiff(again.attention())).isLessThanOrEqualTo(1e-6f);
        }
    }

    @Test
    void nonSquare256x384() {
        int h = 256;
        int w = 384;
        TfTensor image = image(h, w, 2);
        TfTensor mask = mask(h, w, new int[] {60, 250, 140, 330});
        try (TfReferenceGenerator g = new TfReferenceGenerator(h, w, weights)) {
            TfReferenceGenerator.Result r = g.run(image, mask);
            assertThat(r.attention().shape()).containsExactly(16 * 24, 16 * 24);
            checkOutputs(r, image, mask);
        }
    }

    @Test
    void rejectsMissingOrMisshapenWeights() {
        Map<String, TfTensor> missing = new LinkedHashMap<>(weights);
        missing.remove("generator/re_att_64_att3/pw");
        assertThatThrownBy(() -> new TfReferenceGenerator(64, 64, missing).close())
                .hasMessageContaining("generator/re_att_64_att3/pw");
        Map<String, TfTensor> wrong = new LinkedHashMap<>(weights);
        wrong.put("generator/c_en_down_128_feat/w", TfTensor.zeros(3, 3, 4, 32));
        assertThatThrownBy(() -> new TfReferenceGenerator(64, 64, wrong).close())
                .hasMessageContaining("generator/c_en_down_128_feat/w");
        assertThatThrownBy(() -> new TfReferenceGenerator(500, 512, weights))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
