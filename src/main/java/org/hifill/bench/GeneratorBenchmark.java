package org.hifill.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.Random;
import org.hifill.model.generator.HiFillGenerator;

/**
 * Times the generator's forward pass on a random image with a free-form hole: warm-up runs,
 * then timed runs, each in its own NDManager scope so native memory stays flat.
 */
public final class GeneratorBenchmark {

    /** Timings in milliseconds, sorted, and the network's multiply-accumulates. */
    public record Result(int height, int width, double[] millis, long multiplyAccumulates) {

        public double median() {
            int n = millis.length;
            return n % 2 == 1 ? millis[n / 2] : (millis[n / 2 - 1] + millis[n / 2]) / 2;
        }

        /** Dense-equivalent GFLOP of one pass (two FLOPs per multiply-accumulate). */
        public double gflop() {
            return 2.0 * multiplyAccumulates / 1e9;
        }

        public double gflopPerSecond() {
            return gflop() / (median() / 1e3);
        }
    }

    private GeneratorBenchmark() {}

    /** Runs {@code warmup} untimed and {@code runs} timed passes at H x W. */
    public static Result run(HiFillGenerator generator, NDManager manager, int height, int width,
            int warmup, int runs, long seed) {
        HiFillGenerator.checkInputs(new Shape(1, 3, height, width), new Shape(1, 1, height, width));
        Random random = new Random(seed);
        float[] pixels = new float[3 * height * width];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextFloat() * 2 - 1;
        }
        NDArray image = manager.create(pixels, new Shape(1, 3, height, width));
        NDArray mask = manager.create(strokeMask(height, width, random), new Shape(1, 1, height, width));
        ParameterStore ps = new ParameterStore(manager, false);
        double[] millis = new double[runs];
        for (int i = -warmup; i < runs; i++) {
            try (NDManager scope = manager.newSubManager()) {
                long start = System.nanoTime();
                NDList out = generator.forward(ps, new NDList(image, mask), false);
                out.forEach(a -> a.toFloatArray().clone());
                double ms = (System.nanoTime() - start) / 1e6;
                out.attach(scope);
                if (i >= 0) {
                    millis[i] = ms;
                }
            }
        }
        Arrays.sort(millis);
        return new Result(height, width, millis, generator.multiplyAccumulates(height, width));
    }

    /** A hole of a few thick random strokes, about a tenth of the image. */
    static float[] strokeMask(int height, int width, Random random) {
        float[] mask = new float[height * width];
        int radius = Math.max(4, Math.min(height, width) / 24);
        for (int stroke = 0; stroke < 4; stroke++) {
            double x = random.nextDouble() * width;
            double y = random.nextDouble() * height;
            for (int step = 0; step < 40; step++) {
                x = Math.max(0, Math.min(width - 1, x + (random.nextDouble() - 0.5) * radius * 1.5));
                y = Math.max(0, Math.min(height - 1, y + (random.nextDouble() - 0.5) * radius * 1.5));
                fillDisc(mask, height, width, (int) x, (int) y, radius);
            }
        }
        return mask;
    }

    private static void fillDisc(float[] mask, int height, int width, int cx, int cy, int r) {
        for (int y = Math.max(0, cy - r); y <= Math.min(height - 1, cy + r); y++) {
            for (int x = Math.max(0, cx - r); x <= Math.min(width - 1, cx + r); x++) {
                if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r) {
                    mask[y * width + x] = 1f;
                }
            }
        }
    }
}
