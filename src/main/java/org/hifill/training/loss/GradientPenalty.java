package org.hifill.training.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import org.hifill.model.discriminator.InputGradient;

/**
 * The WGAN-GP gradient penalty (reference section 7),
 * {@code mean over samples of (||grad_x D(x_hat)||_2 - 1)^2} on the interpolates
 * {@code x_hat = real + e * (fake - real)}, e ~ U[0, 1] per sample.
 *
 * <p>The penalty's gradient with respect to the critic's parameters runs through the input
 * gradient, a second-order derivative. The reference's route, PyTorch's backward with
 * {@code create_graph} through DJL's JNI, stores graph-carrying gradients in the parameters and in
 * x_hat, a reference cycle that DJL cannot break (it can zero a gradient but not reset it), and a
 * training loop then grows by megabytes a step. So the critic builds its input gradient from
 * ordinary operations ({@link InputGradient}), and one first-order backward pass of the loss
 * gives the exact second-order term; x_hat needs no gradient, and no parameter gradient has to be
 * cleared. {@code real} and {@code fake} must be detached from the generator.
 */
public final class GradientPenalty {

    private GradientPenalty() {}

    /** The penalty with interpolation weights drawn from U[0, 1], one per sample. */
    public static NDArray compute(InputGradient critic, ParameterStore ps, NDArray real, NDArray fake) {
        return compute(critic, ps, real, fake, real.getManager().randomUniform(0f, 1f, new Shape(batch(real))));
    }

    /**
     * The penalty, a scalar in the autograd graph of the critic's parameters.
     *
     * @param real images (N, ...)
     * @param fake images of the same shape
     * @param epsilon interpolation weights (N), 0 = real, 1 = fake
     */
    public static NDArray compute(InputGradient critic, ParameterStore ps, NDArray real, NDArray fake,
            NDArray epsilon) {
        long n = batch(real);
        long[] perSample = new long[real.getShape().dimension()];
        Arrays.fill(perSample, 1);
        perSample[0] = n;
        NDArray interpolates = real.add(epsilon.reshape(new Shape(perSample)).mul(fake.sub(real)));
        NDArray gradient = critic.inputGradient(ps, interpolates, true);
        NDArray norms = gradient.reshape(n, -1).square().sum(new int[] {1}).sqrt();
        return norms.sub(1f).square().mean();
    }

    private static long batch(NDArray images) {
        return images.getShape().get(0);
    }
}
