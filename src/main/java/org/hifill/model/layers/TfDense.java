package org.hifill.model.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;
import java.util.List;
import org.hifill.model.weights.TfLayout;
import org.hifill.model.weights.TfNamed;
import org.hifill.model.weights.TfVariable;

/**
 * A fully connected layer, (N, in) to (N, out), as TF's {@code tf.layers.dense}: variables
 * {@code SCOPE/kernel} ([in, out] in TF) and {@code SCOPE/bias}. Initialised as that layer's
 * defaults, Glorot uniform for the kernel (limit sqrt(6 / (in + out))) and zero for the bias, since
 * the release's names show it used {@code tf.layers.dense}.
 */
public final class TfDense extends FixedShapeBlock implements TfNamed {

    /** DJL's Xavier scale is sqrt(magnitude / ((in + out) / 2)): magnitude 3 is Glorot's limit. */
    private static final float GLOROT_MAGNITUDE = 3f;

    private final String scope;
    private final int outUnits;
    private final Parameter kernel;
    private final Parameter bias;

    /** A layer named {@code scope} in the checkpoint. */
    public TfDense(String scope, long inUnits, int outUnits) {
        this.scope = scope;
        this.outUnits = outUnits;
        kernel = addParameter(Parameter.builder()
                .setName("kernel")
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(outUnits, inUnits))
                .optInitializer(new XavierInitializer(
                        XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.AVG, GLOROT_MAGNITUDE))
                .build());
        bias = addParameter(ReleaseParameters.bias("bias", outUnits));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        var x = inputs.singletonOrThrow();
        var device = x.getDevice();
        return Linear.linear(x, ps.getValue(kernel, device, training), ps.getValue(bias, device, training));
    }

    /** The gradient with respect to the layer's input, (N, in), given that with respect to its output, (N, out). */
    public NDArray inputGradient(ParameterStore ps, NDArray outputGradient, boolean training) {
        return outputGradient.matMul(ps.getValue(kernel, outputGradient.getDevice(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), outUnits)};
    }

    @Override
    public List<TfVariable> tfVariables() {
        return List.of(new TfVariable(scope + "/kernel", kernel, TfLayout.DENSE_KERNEL),
                new TfVariable(scope + "/bias", bias, TfLayout.VECTOR));
    }
}
