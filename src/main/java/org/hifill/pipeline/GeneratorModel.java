package org.hifill.pipeline;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.hifill.model.generator.GeneratorOutput;
import org.hifill.model.generator.HiFillGenerator;

/**
 * The HiFill generator as the network stage. Each call works in its own NDManager scope, so
 * native memory is released when it returns; calls from several threads may run at once (the
 * parameters are only read).
 */
public final class GeneratorModel implements LowResolutionModel {

    private final HiFillGenerator generator;
    private final NDManager manager;
    private final ParameterStore parameters;

    /**
     * @param generator a generator with attention on, its parameters on {@code manager}
     */
    public GeneratorModel(HiFillGenerator generator, NDManager manager) {
        if (!generator.config().contextualAttention()) {
            throw new IllegalArgumentException("CRA needs a generator with contextual attention");
        }
        this.generator = generator;
        this.manager = manager;
        this.parameters = new ParameterStore(manager, false);
    }

    @Override
    public LowResolutionResult inpaint(float[] image, float[] hole, NetworkSize size) {
        try (NDManager scope = manager.newSubManager()) {
            Shape imageShape = new Shape(1, 3, size.height(), size.width());
            NDList inputs = new NDList(scope.create(image, imageShape),
                    scope.create(hole, new Shape(1, 1, size.height(), size.width())));
            GeneratorOutput out = GeneratorOutput.of(generator.forward(parameters, inputs, false));
            return new LowResolutionResult(out.coarse().toFloatArray(), out.refined().toFloatArray(),
                    out.pasted().toFloatArray(), out.attention().toFloatArray());
        }
    }
}
