package org.hifill.training.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hifill.model.discriminator.Discriminator;
import org.hifill.model.weights.TfVariable;
import org.junit.jupiter.api.Test;

/**
 * The gradient penalty's value, and its gradient with respect to the critic's parameters, which
 * runs through the critic's input gradient: a second-order derivative.
 */
class GradientPenaltyTest {

    private static final Shape BATCH = new Shape(3, 2, 3, 4);
    /** Weights probed in the released critic. */
    private static final List<String> PROBED = List.of("discriminator/conv1/w", "discriminator/conv4/w",
            "discriminator/conv6/w", "discriminator/linear/kernel");
    /** Central-difference step, float64. */
    private static final double STEP = 1e-6;

    @Test
    void linearCriticHasThePenaltyAndParameterGradientOfTheClosedForm() {
        try (NDManager m = NDManager.newBaseManager()) {
            LinearCritic critic = new LinearCritic(BATCH.slice(1));
            critic.initialize(m, DataType.FLOAT32, BATCH);
            NDArray w = critic.weight.getArray();
            double norm = w.norm().getFloat();
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray penalty = GradientPenalty.compute(critic, new ParameterStore(m, false),
                        m.randomUniform(-1, 1, BATCH), m.randomUniform(-1, 1, BATCH));
                // grad_x sum(w * x) = w for every sample: GP = (||w|| - 1)^2, dGP/dw = 2 (||w|| - 1) w / ||w||.
                assertThat((double) penalty.getFloat()).isCloseTo((norm - 1) * (norm - 1), within(1e-5));
                gc.backward(penalty);
                float[] expected = w.mul((float) (2 * (norm - 1) / norm)).toFloatArray();
                assertThat(gradient(critic.weight)).containsExactly(expected, within(1e-5f));
            }
        }
    }

    /**
     * The critic's written-out input gradient, and the penalty's parameter gradients through it,
     * equal PyTorch's own second-order autograd: backward with {@code create_graph} to the
     * interpolates, then backward of the penalty built on that gradient.
     */
    @Test
    void writtenOutInputGradientEqualsPyTorchSecondOrderAutograd() {
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(11);
            Discriminator critic = new Discriminator(64);
            Shape images = new Shape(2, 3, 64, 64);
            critic.initialize(m, DataType.FLOAT64, images);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray x = m.randomUniform(-1, 1, images, DataType.FLOAT64);
            List<Parameter> probed = probed(critic);
            List<double[]> written = new ArrayList<>();
            double[] writtenInputGradient;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray g = critic.inputGradient(ps, x, true);
                writtenInputGradient = g.toDoubleArray();
                gc.backward(penaltyOf(g));
                probed.forEach(p -> written.add(gradient64(p)));
            }
            zeroGradients(critic);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray leaf = x.duplicate();
                leaf.setRequiresGradient(true);
                NDArray scores = critic.forward(ps, new NDList(leaf), true).singletonOrThrow();
                JniUtils.backward((PtNDArray) scores, (PtNDArray) scores.onesLike(), true, true);
                NDArray g = leaf.getGradient();
                double inputScale = maxAbs(writtenInputGradient);
                System.out.printf("GradientPenaltyTest input gradient: max |written - autograd| = %.2g of max %.3g%n",
                        maxAbsDiff(g.toDoubleArray(), writtenInputGradient), inputScale);
                assertThat(maxAbsDiff(g.toDoubleArray(), writtenInputGradient)).isLessThan(1e-12 * inputScale);
                zeroGradients(critic);
                gc.backward(penaltyOf(g));
                for (int i = 0; i < probed.size(); i++) {
                    double[] autograd = gradient64(probed.get(i));
                    double scale = maxAbs(autograd);
                    double diff = maxAbsDiff(written.get(i), autograd);
                    System.out.printf("GradientPenaltyTest %s: max |written - autograd| = %.2g of max %.3g%n",
                            PROBED.get(i), diff, scale);
                    assertThat(scale).as(PROBED.get(i)).isPositive();
                    assertThat(diff).as(PROBED.get(i)).isLessThan(1e-9 * scale);
                }
            }
            zeroGradients(critic);
        }
    }

    private static NDArray penaltyOf(NDArray inputGradient) {
        return inputGradient.reshape(inputGradient.getShape().get(0), -1).norm(new int[] {1}).sub(1).square().mean();
    }

    private static void zeroGradients(Block critic) {
        critic.getParameters().values().forEach(p -> JniUtils.zeroGrad((PtNDArray) p.getArray()));
    }

    /**
     * The autograd gradient of the penalty of the released critic (at 64 x 64, batch 2) with
     * respect to single weights of four layers, against central differences of the penalty. The
     * penalty is only piecewise smooth in the weights: every leaky ReLU whose input crosses zero
     * changes the input gradient by a jump. In float32 a step large enough to rise above rounding
     * (1e-3) already crosses some (the conv1 weight's difference quotient was off by 90%), so the
     * comparison runs in float64 with a step of 1e-6, where it agrees to about 1e-8. A penalty
     * without the second-order term would have no gradient at all.
     */
    @Test
    void discriminatorPenaltyGradientMatchesCentralDifferences() {
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(7);
            Discriminator critic = new Discriminator(64);
            Shape images = new Shape(2, 3, 64, 64);
            critic.initialize(m, DataType.FLOAT64, images);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray real = m.randomUniform(-1, 1, images, DataType.FLOAT64);
            NDArray fake = m.randomUniform(-1, 1, images, DataType.FLOAT64);
            NDArray epsilon = m.create(new double[] {0.3, 0.8});
            List<Parameter> probed = probed(critic);
            List<double[]> autograd = new ArrayList<>();
            try (GradientCollector gc = Engine.getInstance().newGradientCollector();
                    NDManager scope = m.newSubManager()) {
                new NDList(real, fake).tempAttach(scope);
                gc.backward(GradientPenalty.compute(critic, ps, real, fake, epsilon));
                probed.forEach(p -> autograd.add(gradient64(p)));
            }
            for (int i = 0; i < probed.size(); i++) {
                double[] grad = autograd.get(i);
                int at = argMaxAbs(grad);
                double numeric = centralDifference(critic, ps, probed.get(i), at, real, fake, epsilon);
                System.out.printf("GradientPenaltyTest %s[%d]: autograd %.9g, central difference %.9g, rel. diff %.2g%n",
                        PROBED.get(i), at, grad[at], numeric, Math.abs(grad[at] - numeric) / Math.abs(numeric));
                assertThat(grad[at]).as(PROBED.get(i)).isNotZero().isCloseTo(numeric, within(1e-5 * Math.abs(numeric)));
            }
        }
    }

    private static List<Parameter> probed(Discriminator critic) {
        return critic.tfVariables().stream().filter(v -> PROBED.contains(v.tfName())).map(TfVariable::parameter).toList();
    }

    private static double centralDifference(Discriminator critic, ParameterStore ps, Parameter p, int index,
            NDArray real, NDArray fake, NDArray epsilon) {
        NDArray array = p.getArray();
        double[] values = array.toDoubleArray();
        double original = values[index];
        values[index] = original + STEP;
        array.set(values);
        double plus = penalty(critic, ps, real, fake, epsilon);
        values[index] = original - STEP;
        array.set(values);
        double minus = penalty(critic, ps, real, fake, epsilon);
        values[index] = original;
        array.set(values);
        return (plus - minus) / (2 * STEP);
    }

    private static double penalty(Discriminator critic, ParameterStore ps, NDArray real, NDArray fake, NDArray epsilon) {
        try (NDManager scope = real.getManager().newSubManager()) {
            new NDList(real, fake).tempAttach(scope);
            return GradientPenalty.compute(critic, ps, real, fake, epsilon).getDouble();
        }
    }

    private static double maxAbs(double[] values) {
        return Arrays.stream(values).map(Math::abs).max().orElseThrow();
    }

    private static double maxAbsDiff(double[] a, double[] b) {
        assertThat(a).hasSameSizeAs(b);
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]));
        }
        return worst;
    }

    private static int argMaxAbs(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (Math.abs(values[i]) > Math.abs(values[best])) {
                best = i;
            }
        }
        return best;
    }

    /** A parameter's gradient, read without leaving an array in the parameter's manager. */
    static float[] gradient(Parameter p) {
        try (NDArray g = p.getArray().getGradient()) {
            return g.toFloatArray();
        }
    }

    private static double[] gradient64(Parameter p) {
        try (NDArray g = p.getArray().getGradient()) {
            return g.toDoubleArray();
        }
    }
}
