package org.hifill.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam (reference section 7: lr 1e-4, beta1 0.5, beta2 0.9) in TensorFlow's formulation, which the
 * release trains with: at step t,
 * {@code m = b1 m + (1 - b1) g}, {@code v = b2 v + (1 - b2) g^2},
 * {@code p -= lr sqrt(1 - b2^t) / (1 - b1^t) * m / (sqrt(v) + eps)}.
 *
 * <p>The moments live on the manager given at construction, one pair per parameter name, made at
 * the first step. Every temporary array of a step is freed when it ends.
 */
public final class Adam {

    public static final float DEFAULT_LEARNING_RATE = 1e-4f;
    public static final float DEFAULT_BETA1 = 0.5f;
    public static final float DEFAULT_BETA2 = 0.9f;
    public static final float DEFAULT_EPSILON = 1e-8f;

    private final NDManager manager;
    private final float learningRate;
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final Map<String, NDArray> first = new LinkedHashMap<>();
    private final Map<String, NDArray> second = new LinkedHashMap<>();
    private long steps;

    public Adam(NDManager manager, float learningRate, float beta1, float beta2, float epsilon) {
        if (!(learningRate > 0) || !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(epsilon > 0)) {
            throw new IllegalArgumentException("Adam needs lr > 0, betas in [0, 1) and eps > 0, not " + learningRate
                    + ", " + beta1 + ", " + beta2 + " and " + epsilon);
        }
        this.manager = manager;
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    /** The release's Adam with the given learning rate. */
    /** Gradients whose global norm exceeds this are refused as faulty ({@link #step}). */
    public static final double MAX_GRADIENT_NORM = 1e6;

    public static Adam withLearningRate(NDManager manager, float learningRate) {
        return new Adam(manager, learningRate, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON);
    }

    /** Updates taken so far. */
    public long steps() {
        return steps;
    }

    /** Sets every parameter's gradient to zero (DJL's gradient collector does not). */
    public static void zeroGradients(PairList<String, Parameter> parameters) {
        for (Pair<String, Parameter> p : parameters) {
            JniUtils.zeroGrad((PtNDArray) p.getValue().getArray());
        }
    }

    /**
     * One update of every parameter, in place, from its gradient; skipped, leaving parameters and
     * moments as they are, when the gradients' global norm is not finite or above
     * {@value #MAX_GRADIENT_NORM}. Such gradients are not a training signal but a fault: on this
     * engine the first backward pass of a run now and then returns values of 1e16 to 1e34 or NaN
     * in some parameters (never reproducible from one run to the next); one such update fills the
     * second moments with infinities and stops or poisons every later step.
     *
     * @return whether the update was made
     */
    public boolean step(PairList<String, Parameter> parameters) {
        if (!(gradientNorm(parameters) <= MAX_GRADIENT_NORM)) {
            return false;
        }
        steps++;
        float correction = (float) (learningRate * Math.sqrt(1 - Math.pow(beta2, steps)) / (1 - Math.pow(beta1, steps)));
        for (Pair<String, Parameter> p : parameters) {
            NDArray value = p.getValue().getArray();
            NDArray m = first.computeIfAbsent(p.getKey(), k -> manager.zeros(value.getShape(), value.getDataType()));
            NDArray v = second.computeIfAbsent(p.getKey(), k -> manager.zeros(value.getShape(), value.getDataType()));
            try (NDManager scope = manager.newSubManager()) {
                new NDList(value, m, v).tempAttach(scope);
                NDArray gradient = value.getGradient();
                gradient.attach(scope);
                m.muli(beta1).addi(gradient.mul(1 - beta1));
                v.muli(beta2).addi(gradient.square().muli(1 - beta2));
                value.subi(m.mul(correction).divi(v.sqrt().addi(epsilon)));
            }
        }
        return true;
    }

    /** The Euclidean norm of all the parameters' gradients together. */
    static double gradientNorm(PairList<String, Parameter> parameters) {
        double sumOfSquares = 0;
        for (Pair<String, Parameter> p : parameters) {
            NDArray value = p.getValue().getArray();
            try (NDManager scope = value.getManager().newSubManager()) {
                NDArray gradient = value.getGradient();
                gradient.attach(scope);
                sumOfSquares += gradient.toType(DataType.FLOAT64, false).square().sum().getDouble();
            }
        }
        return Math.sqrt(sumOfSquares);
    }

    /** Writes the step count and the moments. */
    public void save(DataOutputStream out) throws IOException {
        out.writeLong(steps);
        out.writeInt(first.size());
        for (String name : first.keySet()) {
            out.writeUTF(name);
            writeArray(out, first.get(name));
            writeArray(out, second.get(name));
        }
    }

    /** Reads what {@link #save} wrote into this optimiser, whose moments must still be unset. */
    public void load(DataInputStream in, NDManager arrays) throws IOException {
        if (!first.isEmpty()) {
            throw new IllegalStateException("this optimiser has state already");
        }
        steps = in.readLong();
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            String name = in.readUTF();
            first.put(name, readArray(in, arrays));
            second.put(name, readArray(in, arrays));
        }
    }

    private static void writeArray(DataOutputStream out, NDArray array) throws IOException {
        byte[] bytes = array.encode();
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static NDArray readArray(DataInputStream in, NDManager arrays) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            throw new IOException("corrupt optimiser state: negative array length " + length);
        }
        return NDArray.decode(arrays, in.readNBytes(length));
    }
}
