package org.hifill.model.weights;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.hifill.model.generator.GeneratorConfig;
import org.hifill.model.generator.HiFillGenerator;
import org.hifill.model.weights.checkpoint.TensorFlowWriter;

/**
 * Random values for every variable of the released generator, with the names and TF shapes of
 * {@link HiFillGenerator#tfVariables()}, written as a real checkpoint by TensorFlow Java.
 */
public final class RandomGeneratorCheckpoint {

    /** A tensor in TF layout: shape outermost first, values row-major. */
    public record Tensor(long[] shape, float[] values) {}

    private RandomGeneratorCheckpoint() {}

    /** Gaussian values for every generator variable, in the generator's order. */
    public static Map<String, Tensor> generatorTensors(long seed) {
        Random random = new Random(seed);
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (TfVariable v : new HiFillGenerator(GeneratorConfig.released()).tfVariables()) {
            tensors.put(v.tfName(), gaussian(random, v.tfShape().getShape()));
        }
        return tensors;
    }

    /** Gaussian values of the given shape. */
    public static Tensor gaussian(Random random, long... shape) {
        long count = 1;
        for (long dim : shape) {
            count *= dim;
        }
        float[] values = new float[(int) count];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return new Tensor(shape, values);
    }

    /** Adds {@code tensors} to {@code writer} as float variables. */
    public static TensorFlowWriter addAll(TensorFlowWriter writer, Map<String, Tensor> tensors) {
        tensors.forEach((name, t) -> writer.floats(name, t.shape(), t.values()));
        return writer;
    }

    /** Writes {@code tensors} as the checkpoint {@code prefix.index} + {@code prefix.data-00000-of-00001}. */
    public static void write(Map<String, Tensor> tensors, Path prefix) {
        try (TensorFlowWriter writer = new TensorFlowWriter()) {
            addAll(writer, tensors).save(prefix);
        }
    }
}
