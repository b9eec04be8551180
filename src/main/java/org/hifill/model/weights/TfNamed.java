package org.hifill.model.weights;

import java.util.List;

/** A block whose parameters correspond one to one to variables of the TF checkpoint. */
public interface TfNamed {

    /** Every parameter of this block with its TF variable name, in a stable order. */
    List<TfVariable> tfVariables();

    /** Number of scalar parameters. */
    default long parameterCount() {
        return tfVariables().stream().mapToLong(v -> v.parameter().getShape().size()).sum();
    }
}
