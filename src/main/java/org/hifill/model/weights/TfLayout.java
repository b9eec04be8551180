package org.hifill.model.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * How a TensorFlow variable's axes map onto the engine's (reference section 6: TF convolution
 * kernels are HWIO, PyTorch's OIHW).
 */
public enum TfLayout {
    /** Convolution kernel: TF [kh, kw, in, out] to engine [out, in, kh, kw]. */
    CONV_KERNEL(3, 2, 0, 1),
    /** Depth-wise kernel: TF [kh, kw, in, 1] to engine [in, 1, kh, kw] (grouped convolution). */
    DEPTHWISE_KERNEL(2, 3, 0, 1),
    /** Dense kernel: TF [in, out] to engine [out, in]. */
    DENSE_KERNEL(1, 0),
    /** Biases and other vectors: the same in both. */
    VECTOR(0);

    private final int[] tfToEngine;

    TfLayout(int... tfToEngine) {
        this.tfToEngine = tfToEngine;
    }

    /** Rearranges an array in TF layout into the engine's layout. */
    public NDArray toEngine(NDArray tf) {
        return tf.transpose(tfToEngine);
    }

    /** Rearranges an array in the engine's layout into TF layout. */
    public NDArray toTf(NDArray engine) {
        return engine.transpose(engineToTf());
    }

    /** The TF shape of a variable whose engine shape is given. */
    public Shape tfShape(Shape engine) {
        int[] inverse = engineToTf();
        long[] dims = new long[inverse.length];
        for (int i = 0; i < inverse.length; i++) {
            dims[i] = engine.get(inverse[i]);
        }
        return new Shape(dims);
    }

    private int[] engineToTf() {
        int[] inverse = new int[tfToEngine.length];
        for (int i = 0; i < tfToEngine.length; i++) {
            inverse[tfToEngine[i]] = i;
        }
        return inverse;
    }
}
