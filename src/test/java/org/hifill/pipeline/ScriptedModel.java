package org.hifill.pipeline;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deterministic network stage for tests: the fill and the attention are chosen by the test.
 * Checks the shapes it is given, counts its calls and remembers the last network size.
 */
final class ScriptedModel implements LowResolutionModel {

    /** Makes the pasted image (planes, [-1, 1]) from the network input. */
    interface Fill {
        float[] pasted(float[] image, float[] hole, NetworkSize size);
    }

    /** Makes the L x L attention matrix. */
    interface Attention {
        float[] attention(float[] hole, NetworkSize size);
    }

    private final Fill fill;
    private final Attention attention;
    private final boolean stages;
    private final AtomicInteger calls = new AtomicInteger();
    private volatile NetworkSize lastSize;
    private volatile LowResolutionResult lastResult;

    ScriptedModel(Fill fill, Attention attention, boolean stages) {
        this.fill = fill;
        this.attention = attention;
        this.stages = stages;
    }

    ScriptedModel(Fill fill, Attention attention) {
        this(fill, attention, true);
    }

    @Override
    public LowResolutionResult inpaint(float[] image, float[] hole, NetworkSize size) {
        int plane = size.height() * size.width();
        if (image.length != 3 * plane || hole.length != plane) {
            throw new IllegalStateException("network input of " + image.length + " and " + hole.length
                    + " values for " + size);
        }
        for (float v : image) {
            if (!(v >= -1.0001f && v <= 1.0001f)) {
                throw new IllegalStateException("network input " + v + " outside [-1, 1]");
            }
        }
        calls.incrementAndGet();
        lastSize = size;
        float[] pasted = fill.pasted(image, hole, size);
        float[] a = attention.attention(hole, size);
        int cells = size.gridRows() * size.gridCols();
        if (a.length != cells * cells) {
            throw new IllegalStateException("attention of " + a.length + " values for " + cells + " cells");
        }
        LowResolutionResult result = new LowResolutionResult(stages ? pasted.clone() : null,
                stages ? pasted.clone() : null, pasted, a);
        lastResult = result;
        return result;
    }

    /** What the last call returned (arrays shared with the pipeline, which only reads them). */
    LowResolutionResult lastResult() {
        return lastResult;
    }

    int calls() {
        return calls.get();
    }

    NetworkSize lastSize() {
        return lastSize;
    }

    // ---- fills ----

    /** The network input itself: the up-sampled fill is then the blurry image. */
    static Fill copyInput() {
        return (image, hole, size) -> image.clone();
    }

    /** The input outside the hole and a constant colour (0..255) inside it. */
    static Fill constant(int r, int g, int b) {
        return (image, hole, size) -> {
            float[] out = image.clone();
            int plane = hole.length;
            float[] rgb = {r / 127.5f - 1f, g / 127.5f - 1f, b / 127.5f - 1f};
            for (int p = 0; p < plane; p++) {
                if (hole[p] > 0f) {
                    for (int c = 0; c < 3; c++) {
                        out[c * plane + p] = rgb[c];
                    }
                }
            }
            return out;
        };
    }

    // ---- attention ----

    static Attention zeroAttention() {
        return (hole, size) -> {
            int cells = size.gridRows() * size.gridCols();
            return new float[cells * cells];
        };
    }

    /** Row {@code query} is one-hot on {@code key}; every other row is zero. */
    static Attention oneHot(int query, int key) {
        return (hole, size) -> {
            int cells = size.gridRows() * size.gridCols();
            float[] a = new float[cells * cells];
            a[query * cells + key] = 1f;
            return a;
        };
    }

    /**
     * Every row a softmax of {@code scale} times standard normal logits over the cells free of
     * hole (over all cells if none is): diffuse for small scales, sharp for large ones.
     */
    static Attention diffuse(long seed, double scale) {
        return (hole, size) -> {
            int rows = size.gridRows();
            int cols = size.gridCols();
            int cells = rows * cols;
            boolean[] context = new boolean[cells];
            for (int y = 0; y < size.height(); y++) {
                for (int x = 0; x < size.width(); x++) {
                    if (hole[y * size.width() + x] > 0f) {
                        context[(y / 16) * cols + x / 16] = true;
                    }
                }
            }
            boolean anyContext = false;
            for (int i = 0; i < cells; i++) {
                context[i] = !context[i];
                anyContext |= context[i];
            }
            if (!anyContext) {
                Arrays.fill(context, true);
            }
            SplittableRandom random = new SplittableRandom(seed);
            float[] a = new float[cells * cells];
            double[] logits = new double[cells];
            for (int j = 0; j < cells; j++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < cells; i++) {
                    logits[i] = scale * gaussian(random);
                    if (context[i]) {
                        max = Math.max(max, logits[i]);
                    }
                }
                double sum = 0;
                for (int i = 0; i < cells; i++) {
                    if (context[i]) {
                        logits[i] = Math.exp(logits[i] - max);
                        sum += logits[i];
                    }
                }
                for (int i = 0; i < cells; i++) {
                    a[j * cells + i] = context[i] ? (float) (logits[i] / sum) : 0f;
                }
            }
            return a;
        };
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
