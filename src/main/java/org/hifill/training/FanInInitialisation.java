package org.hifill.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

/**
 * Rescales a freshly initialised network's convolution kernels to a root mean square of
 * {@code GAIN / sqrt(fan-in)}. The release's fixed 0.05 makes each gated convolution
 * ({@code elu(f) * sigmoid(g)}) about halve its input's scale: through the coarse network's 26
 * layers a mean activation of 0.5 ends near 1e-8, its gradients vanish with it, and float32
 * underflow turned the first training steps into NaN. With a gain of 2.2 the mean activation keeps
 * its order of magnitude through all 26 layers (measured on random input: 1.8 still decays
 * 100-fold, 2.5 grows).
 */
final class FanInInitialisation {

    static final double GAIN = 2.2;

    private FanInInitialisation() {}

    private static double rootMeanSquare(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += (double) v * v;
        }
        return Math.sqrt(sum / values.length);
    }

    /** Rescales every 4-D kernel (OIHW) of {@code block}, in place. */
    static void apply(Block block) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray kernel = p.getValue().getArray();
            Shape shape = kernel.getShape();
            if (shape.dimension() != 4) {
                continue;
            }
            long fanIn = shape.get(1) * shape.get(2) * shape.get(3);
            kernel.muli((float) (GAIN / Math.sqrt(fanIn) / rootMeanSquare(kernel.toFloatArray())));
        }
    }
}
