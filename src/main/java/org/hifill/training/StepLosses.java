package org.hifill.training;

import java.util.Locale;

/**
 * The loss terms of one training step and where its time went; the critic's terms are those of its
 * last update in the step (NaN in a step without critic updates).
 *
 * @param critic the critic's loss, {@code wasserstein + 10 * penalty}
 * @param wasserstein {@code mean D(fake) - mean D(real)}
 * @param penalty the gradient penalty
 * @param generator the generator's loss, {@code reconstruction + beta * adversarial}
 * @param adversarial {@code -mean D(fake)}
 * @param hole the unweighted in-hole L1 of x1 and x2
 * @param context the unweighted context L1 of x1 and x2
 * @param dataSeconds time spent waiting for batches from the loader
 * @param criticSeconds time spent in critic updates (their generator passes included)
 * @param generatorSeconds time spent in the generator update
 * @param skippedUpdates updates of the step refused for faulty gradients ({@link Adam#step})
 */
public record StepLosses(float critic, float wasserstein, float penalty, float generator, float adversarial,
        float hole, float context, double dataSeconds, double criticSeconds, double generatorSeconds,
        int skippedUpdates) {

    /** The header line of {@code losses.csv}. */
    public static final String CSV_HEADER = "step,d_loss,d_wasserstein,d_penalty,g_loss,g_adversarial,g_hole_l1,"
            + "g_context_l1,data_s,d_s,g_s,skipped";

    /** The line of {@code losses.csv} for step {@code step}. */
    public String csvRow(long step) {
        return String.format(Locale.ROOT, "%d,%s,%s,%s,%s,%s,%s,%s,%.4f,%.4f,%.4f,%d", step, critic, wasserstein,
                penalty, generator, adversarial, hole, context, dataSeconds, criticSeconds, generatorSeconds,
                skippedUpdates);
    }

    /** A short summary for a progress display. */
    public String summary() {
        String g = String.format(Locale.ROOT, "G %.4g (hole %.3g, ctx %.3g)", generator, hole, context);
        return Float.isNaN(critic) ? g : String.format(Locale.ROOT, "D %.4g (GP %.3g) ", critic, penalty) + g;
    }
}
