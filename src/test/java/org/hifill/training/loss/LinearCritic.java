package org.hifill.training.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import org.hifill.model.discriminator.InputGradient;

/** A linear critic {@code D(x) = sum(w * x)} per sample, whose input gradient is {@code w}. */
final class LinearCritic extends AbstractBlock implements InputGradient {

    final Parameter weight;

    /** A critic of samples shaped {@code sample}. */
    LinearCritic(Shape sample) {
        weight = addParameter(Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(1).addAll(sample)).optInitializer(new NormalInitializer(0.3f)).build());
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        var x = inputs.singletonOrThrow();
        var w = ps.getValue(weight, x.getDevice(), training);
        return new NDList(x.mul(w).reshape(x.getShape().get(0), -1).sum(new int[] {1}, true));
    }

    @Override
    public NDArray inputGradient(ParameterStore ps, NDArray images, boolean training) {
        return ps.getValue(weight, images.getDevice(), training).broadcast(images.getShape());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), 1)};
    }
}
