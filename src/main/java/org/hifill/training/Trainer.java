package org.hifill.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.IOException;
import java.util.Random;
import org.hifill.model.discriminator.Discriminator;
import org.hifill.model.generator.GeneratorConfig;
import org.hifill.model.generator.GeneratorOutput;
import org.hifill.model.generator.HiFillGenerator;
import org.hifill.model.weights.ModelDirectory;
import org.hifill.training.data.Batch;
import org.hifill.training.data.BatchLoader;
import org.hifill.training.data.ValidationSet;
import org.hifill.training.loss.GradientPenalty;
import org.hifill.training.loss.ReconstructionLoss;
import org.hifill.training.loss.WganLosses;

/**
 * The generator and the critic with their optimisers, trained one step at a time (reference
 * section 7). A step is {@code discriminatorSteps} critic updates, each on a batch of its own with
 * the generator's output detached, then one generator update on another batch (with no critic
 * updates, on the reconstruction loss alone). Every step's arrays
 * live in a scope of their own, so the long-lived manager holds only the networks and the
 * optimisers' moments.
 *
 * <p>Reproducible from the seed: the initial weights come from the engine's generator seeded with
 * it, batch {@code k} of step {@code t} is batch {@code t * (discriminatorSteps + 1) + k} of the
 * loader, and the penalty's interpolation weights come from a Random derived from (seed, update).
 */
public final class Trainer {

    /** A source of training batches, in order. */
    @FunctionalInterface
    public interface Batches {
        Batch next() throws IOException;
    }

    private static final long PENALTY_STREAM = 3;

    private final TrainingConfig config;
    private final NDManager manager;
    private final HiFillGenerator generator;
    private final Discriminator discriminator;
    private final Adam generatorOptimiser;
    private final Adam discriminatorOptimiser;
    private final ParameterStore ps;
    private final ReconstructionLoss reconstruction;
    private long step;
    /** Updates of the current step that the optimisers refused ({@link Adam#step}). */
    private int skipped;

    Trainer(TrainingConfig config, NDManager manager, HiFillGenerator generator, Discriminator discriminator,
            Adam generatorOptimiser, Adam discriminatorOptimiser, long step) {
        this.config = config;
        this.manager = manager;
        this.generator = generator;
        this.discriminator = discriminator;
        this.generatorOptimiser = generatorOptimiser;
        this.discriminatorOptimiser = discriminatorOptimiser;
        this.ps = new ParameterStore(manager, false);
        this.reconstruction = new ReconstructionLoss(config.weighting());
        this.step = step;
        requireGradients(generator);
        requireGradients(discriminator);
    }

    /**
     * A trainer at step 0 on {@code manager}: the given generator (fine-tuning) or a new one of
     * the configured base width, and a new critic, initialised from the seed.
     */
    public static Trainer start(TrainingConfig config, NDManager manager, HiFillGenerator initial) {
        Engine.getInstance().setRandomSeed((int) config.seed());
        HiFillGenerator generator = initial;
        if (generator == null) {
            generator = ModelDirectory.initialise(GeneratorConfig.released().withBaseWidth(config.baseWidth()), manager);
            if (config.initialisation() == TrainingConfig.Initialisation.FAN_IN) {
                FanInInitialisation.apply(generator);
            }
        }
        return new Trainer(config, manager, generator, newDiscriminator(config, manager),
                Adam.withLearningRate(manager, config.learningRate()),
                Adam.withLearningRate(manager, config.learningRate()), 0);
    }

    /** An initialised critic for the configured crop size (its weights then loaded or kept). */
    static Discriminator newDiscriminator(TrainingConfig config, NDManager manager) {
        Discriminator discriminator = new Discriminator(config.cropSize());
        discriminator.initialize(manager, DataType.FLOAT32, new Shape(1, 3, config.cropSize(), config.cropSize()));
        return discriminator;
    }

    /** Loaded parameters (a checkpoint, a model to fine-tune) come without gradients: they need them. */
    private static void requireGradients(Block block) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            p.getValue().getArray().setRequiresGradient(true);
        }
    }

    /** Generator steps taken. */
    public long step() {
        return step;
    }

    /** Loader batches one step takes. */
    public int batchesPerStep() {
        return config.discriminatorSteps() + 1;
    }

    public TrainingConfig config() {
        return config;
    }

    public HiFillGenerator generator() {
        return generator;
    }

    Discriminator discriminator() {
        return discriminator;
    }

    Adam generatorOptimiser() {
        return generatorOptimiser;
    }

    Adam discriminatorOptimiser() {
        return discriminatorOptimiser;
    }

    /** One training step on the next {@link #batchesPerStep()} batches. */
    public StepLosses trainStep(Batches batches) throws IOException {
        float[] critic = {Float.NaN, Float.NaN, Float.NaN};
        skipped = 0;
        long dataNanos = 0;
        long criticNanos = 0;
        for (int d = 0; d < config.discriminatorSteps(); d++) {
            long start = System.nanoTime();
            Batch batch = batches.next();
            long loaded = System.nanoTime();
            critic = criticUpdate(batch, step * config.discriminatorSteps() + d);
            dataNanos += loaded - start;
            criticNanos += System.nanoTime() - loaded;
        }
        long start = System.nanoTime();
        Batch batch = batches.next();
        long loaded = System.nanoTime();
        float[] gen = generatorUpdate(batch);
        dataNanos += loaded - start;
        step++;
        return new StepLosses(critic[0], critic[1], critic[2], gen[0], gen[1], gen[2], gen[3], seconds(dataNanos),
                seconds(criticNanos), seconds(System.nanoTime() - loaded), skipped);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** The generator's scores on the validation set, and its picture. */
    public Validation validate(ValidationSet set) {
        return Validation.run(generator, ps, set, config.batchSize(), manager);
    }

    /** One critic update; returns its loss, Wasserstein term and penalty. */
    private float[] criticUpdate(Batch batch, long update) {
        float[] losses;
        try (NDManager scope = manager.newSubManager()) {
            NDArray real = batch.imageArray(scope);
            NDArray mask = batch.maskArray(scope);
            NDArray fake = GeneratorOutput.of(generator.forward(ps, new NDList(real, mask), true)).pasted()
                    .stopGradient();
            NDArray epsilon = scope.create(interpolationWeights(update, batch.count()));
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                Adam.zeroGradients(discriminator.getParameters());
                NDArray realScores = discriminator.forward(ps, new NDList(real), true).singletonOrThrow();
                NDArray fakeScores = discriminator.forward(ps, new NDList(fake), true).singletonOrThrow();
                NDArray penalty = GradientPenalty.compute(discriminator, ps, real, fake, epsilon);
                NDArray loss = WganLosses.discriminator(realScores, fakeScores, penalty);
                gc.backward(loss);
                losses = new float[] {loss.getFloat(), fakeScores.mean().sub(realScores.mean()).getFloat(),
                    penalty.getFloat()};
            }
        }
        skipped += discriminatorOptimiser.step(discriminator.getParameters()) ? 0 : 1;
        return losses;
    }

    /**
     * One generator update; returns its loss, adversarial term (NaN without a critic), in-hole and
     * context L1.
     */
    private float[] generatorUpdate(Batch batch) {
        float[] losses;
        try (NDManager scope = manager.newSubManager();
                GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            Adam.zeroGradients(generator.getParameters());
            NDArray real = batch.imageArray(scope);
            NDArray mask = batch.maskArray(scope);
            GeneratorOutput out = GeneratorOutput.of(generator.forward(ps, new NDList(real, mask), true));
            ReconstructionLoss.Terms terms = reconstruction.compute(real, out.coarse(), out.refined(), mask);
            NDArray loss = terms.total();
            float adversarialValue = Float.NaN;
            if (config.discriminatorSteps() > 0) {
                NDArray adversarial = WganLosses.generator(
                        discriminator.forward(ps, new NDList(out.pasted()), true).singletonOrThrow());
                loss = reconstruction.generatorLoss(terms, adversarial);
                adversarialValue = adversarial.getFloat();
            }
            gc.backward(loss);
            losses = new float[] {loss.getFloat(), adversarialValue, terms.inHole().getFloat(),
                terms.context().getFloat()};
        }
        skipped += generatorOptimiser.step(generator.getParameters()) ? 0 : 1;
        return losses;
    }

    private float[] interpolationWeights(long update, int count) {
        Random random = new Random(BatchLoader.derive(config.seed(), PENALTY_STREAM, update));
        float[] weights = new float[count];
        for (int i = 0; i < count; i++) {
            weights[i] = random.nextFloat();
        }
        return weights;
    }
}
