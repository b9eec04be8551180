package org.hifill.evaluation;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * A feature model the user supplies for FID and IS: a TorchScript module loaded through DJL's
 * PyTorch engine. The contract:
 * <ul>
 * <li>input: a float tensor {@code [N, 3, S, S]} of RGB in [0, 1], the image resized to S x S
 * (area averaging down, bicubic up, the aspect ratio not kept, as FID's usual 299 x 299 input);
 * the model brings its own normalisation;</li>
 * <li>output: either {@code [N, D]} features (FID only), or a tuple or list of {@code [N, D]}
 * features and {@code [N, C]} logits (FID and IS; IS takes the softmax of the logits).</li>
 * </ul>
 * The output is checked once at loading, on a grey image; a file that is missing, is no
 * TorchScript module or breaks the contract is an {@link IOException} naming it.
 */
public final class FeatureModel implements FeatureExtractor, AutoCloseable {

    /** Inception v3's input side, the usual one for FID and IS. */
    public static final int DEFAULT_INPUT_SIZE = 299;

    private final Path file;
    private final Model model;
    private final int inputSize;
    private final int dimensions;
    private final int classes;

    private FeatureModel(Path file, Model model, int inputSize, int dimensions, int classes) {
        this.file = file;
        this.model = model;
        this.inputSize = inputSize;
        this.dimensions = dimensions;
        this.classes = classes;
    }

    /** Loads a TorchScript file and checks its output on one grey image. */
    public static FeatureModel load(Path file, int inputSize) throws IOException {
        if (inputSize < 1) {
            throw new IllegalArgumentException("the feature model's input size must be positive, not " + inputSize);
        }
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        Model model = Model.newInstance(file.getFileName().toString(), "PyTorch");
        try {
            model.load(file);
            long[][] shapes = shapes(file, model, inputSize);
            FeatureModel loaded = new FeatureModel(file, model, inputSize, (int) shapes[0][1],
                    shapes.length == 2 ? (int) shapes[1][1] : 0);
            model = null;
            return loaded;
        } catch (MalformedModelException | EngineException e) {
            throw new IOException(file + ": not a TorchScript model that runs here: " + firstLine(e), e);
        } finally {
            if (model != null) {
                model.close();
            }
        }
    }

    @Override
    public Embedding extract(BufferedImage image) {
        try (NDManager scope = model.getNDManager().newSubManager()) {
            NDList out = forward(scope, input(image, inputSize));
            if (out.size() != (classes > 0 ? 2 : 1) || out.get(0).size() != dimensions
                    || classes > 0 && out.get(1).size() != classes) {
                throw new IllegalArgumentException(file + ": the feature model's output changed shape from the "
                        + "loading check to a " + image.getWidth() + "x" + image.getHeight() + " photo");
            }
            return new Embedding(toDoubles(out.get(0)), classes > 0 ? softmax(toDoubles(out.get(1))) : null);
        } catch (EngineException e) {
            throw new IllegalArgumentException(file + ": the feature model failed: " + firstLine(e), e);
        }
    }

    @Override
    public boolean classifies() {
        return classes > 0;
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "%s: %d features%s, input %dx%d", file.toAbsolutePath().normalize(),
                dimensions, classes > 0 ? " and " + classes + " classes" : " (no logits: no IS)", inputSize, inputSize);
    }

    int dimensions() {
        return dimensions;
    }

    @Override
    public void close() {
        model.close();
    }

    /** The output shapes, checked against the contract. */
    private static long[][] shapes(Path file, Model model, int inputSize) {
        float[] grey = new float[3 * inputSize * inputSize];
        Arrays.fill(grey, 0.5f);
        try (NDManager scope = model.getNDManager().newSubManager()) {
            NDList out = forward(model, scope, grey, inputSize);
            boolean fits = out.size() == 1 || out.size() == 2;
            long[][] shapes = new long[out.size()][];
            for (int i = 0; i < out.size(); i++) {
                shapes[i] = out.get(i).getShape().getShape();
                fits &= shapes[i].length == 2 && shapes[i][0] == 1 && shapes[i][1] > 0;
            }
            if (!fits) {
                StringBuilder got = new StringBuilder();
                out.forEach(a -> got.append(got.length() > 0 ? " and " : "").append(a.getShape()));
                throw new IllegalArgumentException(file + ": the feature model gave " + got + " for one image, not "
                        + "[1, D] features or ([1, D] features, [1, C] logits)");
            }
            return shapes;
        }
    }

    private NDList forward(NDManager scope, float[] input) {
        return forward(model, scope, input, inputSize);
    }

    private static NDList forward(Model model, NDManager scope, float[] input, int inputSize) {
        NDArray x = scope.create(input, new Shape(1, 3, inputSize, inputSize));
        NDList out = model.getBlock().forward(new ParameterStore(scope, false), new NDList(x), false);
        out.attach(scope);
        return out;
    }

    /** The image at {@code size x size} as CHW planes of RGB in [0, 1]. */
    private static float[] input(BufferedImage image, int size) {
        BufferedImage scaled = EvaluationScaling.photo(image, new Dimension(size, size));
        float[] planes = new float[3 * size * size];
        for (int c = 0; c < 3; c++) {
            float[] plane = RgbPlanes.plane(scaled, c);
            for (int i = 0; i < plane.length; i++) {
                planes[c * plane.length + i] = plane[i] / 255f;
            }
        }
        return planes;
    }

    /** The first line of a message that is not blank: libtorch's messages run to many lines. */
    private static String firstLine(Exception e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        return m.lines().filter(l -> !l.isBlank()).findFirst().orElse(e.getClass().getSimpleName()).strip();
    }

    private static double[] toDoubles(NDArray a) {
        float[] values = a.toFloatArray();
        double[] d = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            d[i] = values[i];
        }
        return d;
    }

    /** Softmax with the largest logit subtracted first, so that exp cannot overflow. */
    static double[] softmax(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : logits) {
            max = Math.max(max, v);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(logits[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }
}
