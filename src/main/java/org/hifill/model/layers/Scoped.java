package org.hifill.model.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.function.Supplier;

/**
 * Runs a piece of the network in its own NDManager scope and keeps only its result, so that its
 * intermediate arrays are freed as soon as it returns instead of when the caller's scope closes.
 * At 512 x 512 this lowers the forward pass's peak native memory several times over (the
 * up-sampling before the last layer alone makes eight 64 MB arrays). Gradients still flow: the
 * engine's autograd graph keeps what it needs.
 */
public final class Scoped {

    private Scoped() {}

    /** Computes {@code body} from {@code inputs}; every array it made except the result is freed. */
    public static NDList compute(NDList inputs, Supplier<NDList> body) {
        if (Boolean.getBoolean("noscope")) {
            return body.get();
        }
        NDManager parent = inputs.head().getManager();
        try (NDManager scope = parent.newSubManager()) {
            inputs.tempAttach(scope);
            NDList out = body.get();
            out.attach(parent);
            return out;
        }
    }

    /** {@link #compute} for one array in and one out. */
    public static NDArray compute(NDArray input, Supplier<NDArray> body) {
        return compute(new NDList(input), () -> new NDList(body.get())).singletonOrThrow();
    }
}
