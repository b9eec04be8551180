package org.hifill.tf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The released HiFill generator rebuilt op for op as a TensorFlow graph, for a fixed input size
 * H x W (batch 1) and fixed weights. Test oracle only: weights are keyed by the TF variable names
 * of the released checkpoint ({@code generator/c_en_down_128_feat/w}, HWIO, ...).
 *
 * <p>Inputs are NHWC: image 1xHxWx3 in [-1, 1] (channel order is whatever the weights expect: BGR
 * for the released checkpoint), mask 1xHxWx1 with 1 = hole. H and W must be multiples of 16 (the
 * project uses multiples of 64).
 */
public final class TfReferenceGenerator implements AutoCloseable {

    /** Prefix of every generator variable. */
    public static final String PREFIX = "generator/";

    /**
     * Outputs of one run.
     *
     * @param coarse    x1: coarse output after clip and bilinear resize back to H x W, 1xHxWx3
     * @param refine    x2: refine output after clip, 1xHxWx3
     * @param pasted    x2 * m + x_in * (1 - m) with x_in = image * (1 - m), 1xHxWx3
     * @param attention A as [Nq, Nk] = [(H/16)*(W/16)]^2; row = query cell in raster order,
     *                  column = key cell in raster order
     */
    public record Result(TfTensor coarse, TfTensor refine, TfTensor pasted, TfTensor attention) {
    }

    private final int height;
    private final int width;
    private final Graph graph;
    private final Session session;
    private final Placeholder<TFloat32> imageIn;
    private final Placeholder<TFloat32> maskIn;
    private final Operand<TFloat32> x1;
    private final Operand<TFloat32> x2;
    private final Operand<TFloat32> pasted;
    private final Operand<TFloat32> attention;
    private final Set<String> usedVariables;
    private final Map<String, Operand<TFloat32>> taps;

    /**
     * Builds the graph. Every generator variable the network needs must be in {@code weights} with
     * the checkpoint's shape; extra entries (discriminator, ...) are ignored.
     */
    public TfReferenceGenerator(int height, int width, Map<String, TfTensor> weights) {
        if (height <= 0 || width <= 0 || height % 16 != 0 || width % 16 != 0) {
            throw new IllegalArgumentException("H and W must be positive multiples of 16, got " + height + "x" + width);
        }
        Objects.requireNonNull(weights, "weights");
        this.height = height;
        this.width = width;
        Graph g = new Graph();
        try {
            Ops tf = Ops.create(g);
            imageIn = tf.withName("image").placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(1, height, width, 3)));
            maskIn = tf.withName("mask").placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(1, height, width, 1)));
            Builder b = new Builder(tf, weights);
            Operand<TFloat32>[] outs = b.generator(imageIn, maskIn, height, width);
            x1 = outs[0];
            x2 = outs[1];
            pasted = outs[2];
            attention = outs[3];
            usedVariables = Collections.unmodifiableSet(new TreeSet<>(b.used));
            taps = Collections.unmodifiableMap(new LinkedHashMap<>(b.taps));
            graph = g;
            session = new Session(g);
        } catch (RuntimeException e) {
            g.close();
            throw e;
        }
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** Full names (with {@link #PREFIX}) of the variables the graph reads. */
    public Set<String> usedVariables() {
        return usedVariables;
    }

    /**
     * Names of the intermediate tensors {@link #runLayers} can fetch, in graph order: every gated
     * conv by its layer name (e.g. {@code c_en_down_128}, {@code c_de_up_128}, {@code re_dil_d16},
     * {@code re_de_att_128_2}) plus {@code coarse_input}, {@code coarse_raw} (before clip, H/2),
     * {@code x1}, {@code refine_input}, {@code ca_raw_patches} [3,3,C,L], {@code ca_scores}
     * (before fuse) and {@code ca_fused} [1,h,w,L], {@code attention} [1,h,w,L],
     * {@code ca_transfer} (attention output at H/8, before re_att_64_att1),
     * {@code re_de_att_128_transfer}, {@code re_de_att_256_transfer}, {@code x2_raw}, {@code x2}.
     */
    public List<String> layerNames() {
        return new ArrayList<>(taps.keySet());
    }

    /** Fetches the named intermediate tensors (see {@link #layerNames()}) in one session run. */
    public Map<String, TfTensor> runLayers(TfTensor image, TfTensor mask, Collection<String> names) {
        requireShape("image", image, 1, height, width, 3);
        requireShape("mask", mask, 1, height, width, 1);
        List<String> wanted = new ArrayList<>(names);
        if (wanted.isEmpty()) {
            return Map.of();
        }
        try (TFloat32 img = TFloat32.tensorOf(Shape.of(image.shape()), DataBuffers.of(image.data(), true, false));
                TFloat32 msk = TFloat32.tensorOf(Shape.of(mask.shape()), DataBuffers.of(mask.data(), true, false))) {
            Session.Runner runner = session.runner().feed(imageIn, img).feed(maskIn, msk);
            // several names can denote one graph output (an up layer and its conv): fetch each once
            Map<String, Integer> fetchIndex = new LinkedHashMap<>();
            List<Integer> indexOfName = new ArrayList<>();
            for (String n : wanted) {
                Operand<TFloat32> op = taps.get(n);
                if (op == null) {
                    throw new IllegalArgumentException("unknown layer " + n + "; known: " + taps.keySet());
                }
                String key = op.asOutput().op().name() + ":" + op.asOutput().index();
                Integer idx = fetchIndex.get(key);
                if (idx == null) {
                    idx = fetchIndex.size();
                    fetchIndex.put(key, idx);
                    runner.fetch(op);
                }
                indexOfName.add(idx);
            }
            try (org.tensorflow.Result r = runner.run()) {
                Map<String, TfTensor> out = new LinkedHashMap<>();
                for (int i = 0; i < wanted.size(); i++) {
                    out.put(wanted.get(i), TfOps.fromTensor(r.get(indexOfName.get(i))));
                }
                return out;
            }
        }
    }

    /** One session run fetching x1, x2, the pasted result and A together. */
    public Result run(TfTensor image, TfTensor mask) {
        requireShape("image", image, 1, height, width, 3);
        requireShape("mask", mask, 1, height, width, 1);
        try (TFloat32 img = TFloat32.tensorOf(Shape.of(image.shape()), DataBuffers.of(image.data(), true, false));
                TFloat32 msk = TFloat32.tensorOf(Shape.of(mask.shape()), DataBuffers.of(mask.data(), true, false));
                org.tensorflow.Result r = session.runner()
                        .feed(imageIn, img).feed(maskIn, msk)
                        .fetch(x1).fetch(x2).fetch(pasted).fetch(attention)
                        .run()) {
            return new Result(TfOps.fromTensor(r.get(0)), TfOps.fromTensor(r.get(1)),
                    TfOps.fromTensor(r.get(2)), TfOps.fromTensor(r.get(3)));
        }
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }

    private static void requireShape(String what, TfTensor t, long... shape) {
        if (!Arrays.equals(t.shape(), shape)) {
            throw new IllegalArgumentException(what + " must be " + Arrays.toString(shape) + ", got "
                    + Arrays.toString(t.shape()));
        }
    }

    // ------------------------------------------------------------------------------------------

    /** Adds the generator's ops to a graph; names follow the release's variable scopes. */
    private static final class Builder {
        private static final int RATE = 2;          // contextual attention rate
        private static final int KSIZE = 3;         // key patch size
        private static final float SOFTMAX_SCALE = 10f;

        private final Ops tf;
        private final Map<String, TfTensor> weights;
        private final Set<String> used = new TreeSet<>();
        private final Map<String, Operand<TFloat32>> taps = new LinkedHashMap<>();

        Builder(Ops tf, Map<String, TfTensor> weights) {
            this.tf = tf;
            this.weights = weights;
        }

        @SuppressWarnings("unchecked")
        Operand<TFloat32>[] generator(Operand<TFloat32> image, Operand<TFloat32> mask, int h, int w) {
            Operand<TFloat32> one = tf.constant(1f);
            Operand<TFloat32> inv = tf.math.sub(one, mask);
            Operand<TFloat32> xIn = tf.math.mul(image, inv);

            // ---- coarse stage (LWGC_sc) at H/2 x W/2
            Operand<TFloat32> x = concat(xIn, mask);
            x = tap("coarse_input", TfOps.resizeBilinearOp(tf, x, h / 2, w / 2));
            x = gatedConvSlice(x, 32, 5, 2, 1, "c_en_down_128");
            x = gatedConvSlice(x, 32, 3, 1, 1, "c_en_conv_128");
            x = gatedConvSlice(x, 64, 3, 2, 1, "c_en_down_64");
            x = gatedConvSlice(x, 64, 3, 1, 1, "c_en_conv1_64");
            x = gatedConvSlice(x, 64, 3, 1, 1, "c_en_conv2_64");
            x = gatedConvSlice(x, 64, 3, 1, 1, "c_en_conv3_64");
            int[] dil = {1, 1, 1, 2, 2, 2, 2, 2, 4, 4, 4, 4, 8, 8};
            for (int i = 0; i < dil.length; i++) {
                x = gatedConvSlice(x, 64, 3, 1, dil[i], "c_dil_d" + (i + 1));
            }
            x = gatedConvSlice(x, 64, 3, 1, 1, "c_de_conv1_64");
            x = gatedConvSlice(x, 64, 3, 1, 1, "c_de_conv2_64");
            x = gatedConvSlice(x, 64, 3, 1, 1, "c_de_conv3_64");
            x = upSlice(x, 32, "c_de_up_128");
            x = gatedConvSlice(x, 32, 3, 1, 1, "c_de_conv_128");
            x = tap("coarse_raw", upSlice(x, 3, "c_de_toRGB"));
            x = clip(x);
            Operand<TFloat32> x1 = tap("x1", TfOps.resizeBilinearOp(tf, x, h, w));
            Operand<TFloat32> xCoarse = tf.math.add(tf.math.mul(x1, mask), tf.math.mul(xIn, inv));

            // ---- refine stage (LWGC_pw) at H x W
            x = tap("refine_input", concat(xCoarse, mask));
            x = gatedConvPw(x, 32, 3, 2, 1, "re_en_down_256");
            x = gatedConvPw(x, 32, 3, 1, 1, "re_en_conv_256");
            Operand<TFloat32> act256 = x;
            x = gatedConvPw(x, 64, 3, 2, 1, "re_en_down_128");
            x = gatedConvPw(x, 64, 3, 1, 1, "re_en_conv_128");
            Operand<TFloat32> act128 = x;
            x = gatedConvPw(x, 128, 3, 2, 1, "re_en_down_64");
            x = gatedConvPw(x, 128, 3, 1, 1, "re_en_conv_64");
            for (int d : new int[] {1, 2, 4, 8, 16}) {
                x = gatedConvPw(x, 128, 3, 1, d, "re_dil_d" + d);
            }

            Operand<TFloat32> xHallu = x;
            Operand<TFloat32>[] ca = contextualAttention(x, mask);
            Operand<TFloat32> att = ca[1];
            x = gatedConvPw(ca[0], 128, 3, 1, 1, "re_att_64_att1");
            x = concat(xHallu, x);
            x = gatedConvPw(x, 128, 3, 1, 1, "re_att_64_att3");

            x = upPw(x, 64, "re_de_up__128");
            x = gatedConvPw(x, 64, 3, 1, 1, "re_de_conv_128");
            x = concat(attentionTransfer(act128, att, "re_de_att_128"), x);
            x = upPw(x, 32, "re_de_up__256");
            x = gatedConvPw(x, 32, 3, 1, 1, "re_de_conv_256");
            x = concat(attentionTransfer(act256, att, "re_de_att_256"), x);
            x = tap("x2_raw", upPw(x, 3, "re_de_toRGB__256"));
            Operand<TFloat32> x2 = tap("x2", clip(x));

            Operand<TFloat32> pasted = tf.math.add(tf.math.mul(x2, mask), tf.math.mul(xIn, inv));
            long n = att.shape().get(3);
            Operand<TFloat32> a = tf.reshape(att, tf.constant(new long[] {n, n}));
            return new Operand[] {x1, x2, pasted, a};
        }

        /** LWGC_sc: feature conv NAME_feat, single-channel gate conv NAME_gate (same k, stride, dilation). */
        Operand<TFloat32> gatedConvSlice(Operand<TFloat32> x, int cout, int k, int stride, int dilation, String name) {
            long cin = channels(x);
            Operand<TFloat32> feat = conv(x, name + "_feat/w", name + "_feat/biases", new long[] {k, k, cin, cout},
                    stride, dilation);
            Operand<TFloat32> gate = conv(x, name + "_gate/w", name + "_gate/biases", new long[] {k, k, cin, 1},
                    stride, dilation);
            return tap(name, tf.math.mul(tf.math.sigmoid(gate), tf.nn.elu(feat)));
        }

        /** LWGC_pw ("ds" in the release): feature conv NAME/{w,biases}, 1x1 gate NAME/{pw,ds_biases}, no dilation. */
        Operand<TFloat32> gatedConvPw(Operand<TFloat32> x, int cout, int k, int stride, int dilation, String name) {
            long cin = channels(x);
            Operand<TFloat32> feat = conv(x, name + "/w", name + "/biases", new long[] {k, k, cin, cout},
                    stride, dilation);
            Operand<TFloat32> gate = conv(x, name + "/pw", name + "/ds_biases", new long[] {1, 1, cin, cout},
                    stride, 1);
            return tap(name, tf.math.mul(tf.math.sigmoid(gate), tf.nn.elu(feat)));
        }

        /** Legacy bilinear x2, then a 3x3 LWGC_sc conv named NAME/NAME_conv. */
        Operand<TFloat32> upSlice(Operand<TFloat32> x, int cout, String name) {
            return tap(name, gatedConvSlice(up2(x), cout, 3, 1, 1, name + "/" + name + "_conv"));
        }

        /** Legacy bilinear x2, then a 3x3 LWGC_pw conv named NAME/NAME_conv. */
        Operand<TFloat32> upPw(Operand<TFloat32> x, int cout, String name) {
            return tap(name, gatedConvPw(up2(x), cout, 3, 1, 1, name + "/" + name + "_conv"));
        }

        /**
         * Contextual attention with src = ref = x (rate 2, ksize 3, fuse_k 3, softmax scale 10).
         * Returns {transferred features [1, H', W', C], attention [1, h, w, h*w]}.
         */
        @SuppressWarnings("unchecked")
        Operand<TFloat32>[] contextualAttention(Operand<TFloat32> x, Operand<TFloat32> mask) {
            Shape s = x.shape();
            long bigH = s.get(1);
            long bigW = s.get(2);
            long c = s.get(3);
            int kernel = 2 * RATE - 1;

            // raw patches for the transfer: kernel x kernel at stride rate -> [k, k, C, L]
            Operand<TFloat32> raw = TfOps.extractPatchesOp(tf, x, kernel, RATE);
            raw = tf.reshape(raw, tf.constant(new long[] {1, -1, kernel, kernel, c}));
            raw = tf.linalg.transpose(raw, tf.constant(new int[] {0, 2, 3, 4, 1}));
            raw = tap("ca_raw_patches", tf.reshape(raw, tf.constant(new long[] {kernel, kernel, c, -1})));

            // downsample by taking every second pixel (the release: 1x1 patches at stride rate)
            long h = bigH / RATE;
            long w = bigW / RATE;
            Operand<TFloat32> src = TfOps.extractPatchesOp(tf, x, 1, RATE);
            src = tf.reshape(src, tf.constant(new long[] {1, h, w, c}));

            // keys: 3x3 patches of src at stride 1, L2-normalised
            Operand<TFloat32> feats = TfOps.extractPatchesOp(tf, src, KSIZE, 1);
            feats = tf.reshape(feats, tf.constant(new long[] {1, -1, KSIZE, KSIZE, c}));
            feats = tf.linalg.transpose(feats, tf.constant(new int[] {0, 2, 3, 4, 1}));
            feats = tf.reshape(feats, tf.constant(new long[] {KSIZE, KSIZE, c, -1}));
            Operand<TFloat32> norm = tf.math.sqrt(tf.sum(tf.math.square(feats), tf.constant(new int[] {0, 1, 2})));
            Operand<TFloat32> wNormed = tf.math.div(feats, tf.math.maximum(norm, tf.constant(1e-8f)));
            Operand<TFloat32> y = TfOps.conv2dOp(tf, src, wNormed, 1, 1);

            tap("ca_scores", y);
            y = tap("ca_fused", TfOps.fuseOp(tf, y, (int) h, (int) w));

            // valid keys from the full-resolution mask
            Operand<TFloat32> m = TfOps.maxPoolOp(tf, mask, 16, 16);
            m = TfOps.maxPoolOp(tf, m, 3, 1);
            Operand<TFloat32> valid = tf.reshape(tf.math.sub(tf.constant(1f), m), tf.constant(new int[] {1, 1, 1, -1}));
            Operand<TFloat32> a = tf.math.mul(
                    tf.nn.softmax(tf.math.mul(tf.math.mul(y, valid), tf.constant(SOFTMAX_SCALE))), valid);

            tap("attention", a);
            Operand<TFloat32> out = tap("ca_transfer",
                    TfOps.conv2dTransposeOp(tf, a, raw, new long[] {1, bigH, bigW, c}, RATE));
            return new Operand[] {out, a};
        }

        /**
         * The release's apply_attention: transfer f with the attention a using 2r x 2r patches of
         * f at stride r (r = f.H / h), then two 3x3 LWGC_pw convs NAME_1 (dilation 1), NAME_2 (dilation 2).
         */
        Operand<TFloat32> attentionTransfer(Operand<TFloat32> f, Operand<TFloat32> a, String name) {
            Shape fs = f.shape();
            Shape as = a.shape();
            int rate = (int) (fs.get(1) / as.get(1));
            int kernel = 2 * rate;
            long c = fs.get(3);
            Operand<TFloat32> raw = TfOps.extractPatchesOp(tf, f, kernel, rate);
            raw = tf.reshape(raw, tf.constant(new long[] {1, -1, kernel, kernel, c}));
            raw = tf.linalg.transpose(raw, tf.constant(new int[] {0, 2, 3, 4, 1}));
            raw = tf.reshape(raw, tf.constant(new long[] {kernel, kernel, c, -1}));
            Operand<TFloat32> out = tap(name + "_transfer", TfOps.conv2dTransposeOp(tf, a, raw, fs.asArray(), rate));
            out = gatedConvPw(out, (int) c, 3, 1, 1, name + "_1");
            return gatedConvPw(out, (int) c, 3, 1, 2, name + "_2");
        }

        // -------------------------------------------------------------------------- helpers

        private Operand<TFloat32> conv(Operand<TFloat32> x, String wName, String bName, long[] wShape,
                int stride, int dilation) {
            Operand<TFloat32> wt = weight(wName, wShape);
            Operand<TFloat32> bias = weight(bName, wShape[3]);
            return tf.nn.biasAdd(TfOps.conv2dOp(tf, x, wt, stride, dilation), bias);
        }

        private Operand<TFloat32> weight(String name, long... shape) {
            String full = PREFIX + name;
            TfTensor t = weights.get(full);
            if (t == null) {
                throw new IllegalArgumentException("missing weight " + full + " " + Arrays.toString(shape));
            }
            if (!Arrays.equals(t.shape(), shape)) {
                throw new IllegalArgumentException("weight " + full + " has shape " + Arrays.toString(t.shape())
                        + ", the network needs " + Arrays.toString(shape));
            }
            if (!used.add(full)) {
                throw new IllegalStateException("weight used twice: " + full);
            }
            return TfOps.constant(tf, t);
        }

        private Operand<TFloat32> tap(String name, Operand<TFloat32> x) {
            if (taps.put(name, x) != null) {
                throw new IllegalStateException("duplicate layer name " + name);
            }
            return x;
        }

        private Operand<TFloat32> up2(Operand<TFloat32> x) {
            Shape s = x.shape();
            return TfOps.resizeBilinearOp(tf, x, (int) s.get(1) * 2, (int) s.get(2) * 2);
        }

        private Operand<TFloat32> concat(Operand<TFloat32> a, Operand<TFloat32> b) {
            return tf.concat(List.of(a, b), tf.constant(3));
        }

        private Operand<TFloat32> clip(Operand<TFloat32> x) {
            return tf.clipByValue(x, tf.constant(-1f), tf.constant(1f));
        }

        private static long channels(Operand<TFloat32> x) {
            long c = x.shape().get(3);
            if (c < 0) {
                throw new IllegalStateException("unknown channel count for " + x);
            }
            return c;
        }
    }
}
