package org.hifill.tf;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.image.ResizeBilinear;
import org.tensorflow.op.nn.Conv2d;
import org.tensorflow.op.nn.DepthwiseConv2dNative;
import org.tensorflow.types.TFloat32;

/**
 * Oracle functions: each runs the real TensorFlow op (TF Java 1.1.0, CPU, graph mode) on NHWC
 * float data and returns the result. Padding is always "SAME" with TensorFlow's rule
 * (total pad = max((out-1)*s + (k-1)*d + 1 - in, 0), before = floor(total/2)).
 *
 * <p>The package-private {@code ...Op} builders add the same ops to an existing graph; the
 * reference generator is built from them, so the single-op oracles and the whole-network
 * oracle share one definition of every op.
 */
public final class TfOps {

    private TfOps() {
    }

    // ---------------------------------------------------------------- public oracles

    /** {@code tf.nn.conv2d(x, w, strides=[1,s,s,1], padding='SAME', dilations=[1,d,d,1])}; x NHWC, w HWIO. */
    public static TfTensor conv2d(TfTensor x, TfTensor w, int stride, int dilation) {
        return run(tf -> conv2dOp(tf, constant(tf, x), constant(tf, w), stride, dilation));
    }

    /** {@code DepthwiseConv2dNative}, SAME; w is [kh, kw, Cin, multiplier] (multiplier 1 for the LWGC_ds gate). */
    public static TfTensor depthwiseConv2d(TfTensor x, TfTensor w, int stride, int dilation) {
        return run(tf -> tf.nn.depthwiseConv2dNative(constant(tf, x), constant(tf, w), strides(stride), "SAME",
                DepthwiseConv2dNative.dilations(strides(dilation))));
    }

    /**
     * {@code tf.image.resize_bilinear} with the TF1 defaults: ResizeBilinear with
     * alignCorners=false and halfPixelCenters=false (source coordinate = dst * in / out).
     */
    public static TfTensor resizeBilinear(TfTensor x, int h, int w) {
        return run(tf -> resizeBilinearOp(tf, constant(tf, x), h, w));
    }

    /**
     * {@code tf.extract_image_patches(x, [1,k,k,1], [1,s,s,1], [1,1,1,1], 'SAME')}: output
     * [N, ceil(H/s), ceil(W/s), k*k*C], the last axis ordered (row, col, channel).
     */
    public static TfTensor extractImagePatches(TfTensor x, int k, int stride) {
        return run(tf -> extractPatchesOp(tf, constant(tf, x), k, stride));
    }

    /**
     * {@code tf.nn.conv2d_transpose(value, filter, outputShape, [1,s,s,1], 'SAME')}, i.e.
     * Conv2DBackpropInput; value NHWC with C = Cin, filter [k, k, Cout, Cin].
     */
    public static TfTensor conv2dTranspose(TfTensor value, TfTensor filter, long[] outputShape, int stride) {
        return run(tf -> conv2dTransposeOp(tf, constant(tf, value), constant(tf, filter), outputShape, stride));
    }

    /** {@code tf.nn.max_pool(x, [1,k,k,1], [1,s,s,1], 'SAME')} (padding never wins: it counts as -inf). */
    public static TfTensor maxPool(TfTensor x, int k, int stride) {
        return run(tf -> maxPoolOp(tf, constant(tf, x), k, stride));
    }

    /**
     * The release's attention fuse on a score tensor y of shape [1, h, w, h*w] (queries on the
     * spatial axes, keys on the channel axis, both in raster order): a 3x3 identity-kernel
     * convolution of y viewed as an (h*w) x (h*w) image, then the same with query and key
     * indices in column-major order. Returns [1, h, w, h*w].
     */
    public static TfTensor fuse(TfTensor y) {
        if (y.rank() != 4 || y.dim(0) != 1 || y.dim(3) != y.dim(1) * y.dim(2)) {
            throw new IllegalArgumentException("fuse needs [1, h, w, h*w], got " + Arrays.toString(y.shape()));
        }
        int h = (int) y.dim(1);
        int w = (int) y.dim(2);
        return run(tf -> fuseOp(tf, constant(tf, y), h, w));
    }

    // ---------------------------------------------------------------- graph builders

    static List<Long> strides(int s) {
        return List.of(1L, (long) s, (long) s, 1L);
    }

    static Operand<TFloat32> conv2dOp(Ops tf, Operand<TFloat32> x, Operand<TFloat32> w, int stride, int dilation) {
        return tf.nn.conv2d(x, w, strides(stride), "SAME", Conv2d.dilations(strides(dilation)));
    }

    static Operand<TFloat32> resizeBilinearOp(Ops tf, Operand<? extends org.tensorflow.types.family.TNumber> x,
            int h, int w) {
        return tf.image.resizeBilinear(x, tf.constant(new int[] {h, w}),
                ResizeBilinear.alignCorners(false), ResizeBilinear.halfPixelCenters(false));
    }

    static Operand<TFloat32> extractPatchesOp(Ops tf, Operand<TFloat32> x, int k, int stride) {
        return tf.image.extractImagePatches(x, strides(k), strides(stride), strides(1), "SAME");
    }

    static Operand<TFloat32> conv2dTransposeOp(Ops tf, Operand<TFloat32> value, Operand<TFloat32> filter,
            long[] outputShape, int stride) {
        int[] os = new int[outputShape.length];
        for (int i = 0; i < os.length; i++) {
            os[i] = Math.toIntExact(outputShape[i]);
        }
        return tf.nn.conv2dBackpropInput(tf.constant(os), filter, value, strides(stride), "SAME");
    }

    static Operand<TFloat32> maxPoolOp(Ops tf, Operand<TFloat32> x, int k, int stride) {
        return tf.nn.maxPool(x, tf.constant(new int[] {1, k, k, 1}), tf.constant(new int[] {1, stride, stride, 1}),
                "SAME");
    }

    /** The release's fuse, op for op (fuse_k = 3); y is [1, h, w, h*w] with src = ref. */
    static Operand<TFloat32> fuseOp(Ops tf, Operand<TFloat32> y, int h, int w) {
        int n = h * w;
        Operand<TFloat32> eye = tf.constant(Shape.of(3, 3, 1, 1),
                DataBuffers.of(new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, true, false));
        Operand<TFloat32> yi = tf.reshape(y, tf.constant(new int[] {1, n, n, 1}));
        yi = conv2dOp(tf, yi, eye, 1, 1);
        yi = tf.reshape(yi, tf.constant(new int[] {1, h, w, h, w}));
        yi = tf.linalg.transpose(yi, tf.constant(new int[] {0, 2, 1, 4, 3}));
        yi = tf.reshape(yi, tf.constant(new int[] {1, n, n, 1}));
        yi = conv2dOp(tf, yi, eye, 1, 1);
        yi = tf.reshape(yi, tf.constant(new int[] {1, w, h, w, h}));
        yi = tf.linalg.transpose(yi, tf.constant(new int[] {0, 2, 1, 4, 3}));
        return tf.reshape(yi, tf.constant(new int[] {1, h, w, n}));
    }

    // ---------------------------------------------------------------- plumbing

    static Operand<TFloat32> constant(Ops tf, TfTensor t) {
        return tf.constant(Shape.of(t.shape()), DataBuffers.of(t.data(), true, false));
    }

    static TfTensor fromTensor(Tensor t) {
        if (!(t instanceof TFloat32 f)) {
            throw new IllegalStateException("expected a float32 tensor, got " + t.dataType());
        }
        float[] out = new float[Math.toIntExact(f.shape().size())];
        f.copyTo(DataBuffers.of(out, false, false));
        return new TfTensor(f.shape().asArray(), out);
    }

    /** Builds a one-output graph, runs it once on the CPU and returns the output. */
    static TfTensor run(Function<Ops, Operand<TFloat32>> body) {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Operand<TFloat32> out = body.apply(Ops.create(g));
            try (Result r = s.runner().fetch(out).run()) {
                return fromTensor(r.get(0));
            }
        }
    }
}
