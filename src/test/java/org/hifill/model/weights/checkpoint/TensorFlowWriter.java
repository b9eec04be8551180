package org.hifill.model.weights.checkpoint;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;

/**
 * Writes real V2 checkpoints with TensorFlow Java 1.1.0, the reference writer for these tests:
 * each tensor becomes a {@code VariableV2} initialised from a constant, and {@link #save}
 * runs TensorFlow's own saver ({@link Session#save}: SaveV2 then MergeV2Checkpoints).
 */
public final class TensorFlowWriter implements AutoCloseable {

    private final Graph graph = new Graph();
    private final Map<String, Ops> scopes = new HashMap<>();

    public TensorFlowWriter() {
        scopes.put("", Ops.create(graph));
    }

    public TensorFlowWriter floats(String name, long[] shape, float[] values) {
        Ops tf = scopeFor(name);
        tf.withName(baseName(name)).variable(tf.constant(Shape.of(shape), DataBuffers.of(values)));
        return this;
    }

    public TensorFlowWriter ints(String name, int[] values) {
        Ops tf = scopeFor(name);
        tf.withName(baseName(name)).variable(tf.constant(values));
        return this;
    }

    /** Writes {@code prefix.index} and {@code prefix.data-00000-of-00001}. */
    public void save(Path prefix) {
        try (Session session = new Session(graph)) {
            session.save(prefix.toString());
        }
    }

    @Override
    public void close() {
        graph.close();
    }

    /**
     * TensorFlow Java op names cannot contain '/', so "a/b/w" is op "w" in sub-scope "a/b";
     * sub-scopes are created once each, since asking twice yields a uniquified "a_1".
     */
    private Ops scopeFor(String name) {
        int slash = name.lastIndexOf('/');
        String parent = slash < 0 ? "" : name.substring(0, slash);
        Ops scope = scopes.get(parent);
        if (scope == null) {
            scope = scopeFor(parent).withSubScope(baseName(parent));
            scopes.put(parent, scope);
        }
        return scope;
    }

    private static String baseName(String name) {
        return name.substring(name.lastIndexOf('/') + 1);
    }
}
