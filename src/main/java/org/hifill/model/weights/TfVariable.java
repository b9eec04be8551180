package org.hifill.model.weights;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;

/**
 * One engine parameter together with the name and layout of the TensorFlow variable it
 * corresponds to in the authors' checkpoint.
 *
 * @param tfName the full TF variable name, for example {@code generator/c_en_down_128_feat/w}
 * @param parameter the engine parameter, whose shape is fixed at construction
 * @param layout how the TF axes map onto the engine's
 */
public record TfVariable(String tfName, Parameter parameter, TfLayout layout) {

    /** The variable's shape in TF layout (HWIO for kernels). */
    public Shape tfShape() {
        return layout.tfShape(parameter.getShape());
    }

    /** The same variable under a name scope, such as {@code generator}. */
    public TfVariable inScope(String scope) {
        return new TfVariable(scope + "/" + tfName, parameter, layout);
    }

    /** Formats a TF shape as the checkpoint listing does: {@code 3x3x64x1}. */
    public static String formatShape(Shape shape) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < shape.dimension(); i++) {
            if (i > 0) {
                sb.append('x');
            }
            sb.append(shape.get(i));
        }
        return sb.toString();
    }
}
