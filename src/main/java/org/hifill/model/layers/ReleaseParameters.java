package org.hifill.model.layers;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.TruncatedNormalInitializer;

/** Parameters initialised as the authors' release initialises its convolutions. */
public final class ReleaseParameters {

    /** The authors' initialisation of every convolution kernel. */
    private static final float KERNEL_STDDEV = 0.05f;

    private ReleaseParameters() {}

    /** A convolution kernel, truncated normal with standard deviation 0.05. */
    public static Parameter kernel(String name, Shape shape) {
        return Parameter.builder()
                .setName(name)
                .setType(Parameter.Type.WEIGHT)
                .optShape(shape)
                .optInitializer(new TruncatedNormalInitializer(KERNEL_STDDEV))
                .build();
    }

    /** A bias vector, zero (DJL's default for biases, as in the release). */
    public static Parameter bias(String name, long size) {
        return Parameter.builder().setName(name).setType(Parameter.Type.BIAS).optShape(new Shape(size)).build();
    }
}
