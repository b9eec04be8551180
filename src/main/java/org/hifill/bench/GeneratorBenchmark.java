package org.hifill.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.Random;
import org.hifill.model.ComputeCost;
import org.hifill.masks.FreeFormStrokes;
import org.hifill.model.generator.HiFillGenerator;

/**
 * Times the generator's forward pass on a random image with a free-form hole (10%): warm-up runs,
 * then timed runs, each in its own NDManager scope so native memory stays flat. A run ends when
 * every output has been copied to the Java heap.
 */
public final class GeneratorBenchmark {

    /** Timings in milliseconds in run order, and the network's work per pass. */
    public record Result(int height, int width, double[] millis, ComputeCost cost) {

        public double median() {
            return Medians.of(millis);
        }

        public double min() {
            return Arrays.stream(millis).min().orElse(Double.NaN);
        }

        public double max() {
            return Arrays.stream(millis).max().orElse(Double.NaN);
        }

        /** GFLOP per second executed, at the median time. */
        public double gflopPerSecond() {
            return cost.executedGflop() / (median() / 1e3);
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
        NDArray mask = manager.create(FreeFormStrokes.brush().draw(width, height, 0.1, random).toArray(),
                new Shape(1, 1, height, width));
        ParameterStore ps = new ParameterStore(manager, false);
        double[] millis = new double[runs];
        for (int i = -warmup; i < runs; i++) {
            try (NDManager scope = manager.newSubManager()) {
                // Everything computed from inputs attached to the scope is freed with it.
                NDList inputs = new NDList(image, mask);
                inputs.tempAttach(scope);
                long start = System.nanoTime();
                NDList out = generator.forward(ps, inputs, false);
                out.forEach(NDArray::toFloatArray);
                double ms = (System.nanoTime() - start) / 1e6;
                if (i >= 0) {
                    millis[i] = ms;
                }
            }
        }
        return new Result(height, width, millis, generator.cost(height, width));
    }
}
