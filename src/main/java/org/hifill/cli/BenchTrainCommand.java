package org.hifill.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.hifill.bench.TrainingBenchmark;
import org.hifill.training.TrainingConfig;
import org.hifill.training.data.PhotoDataset;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hifill bench train}: training throughput, as {@code hifill train} steps with the given
 * crop size, batch and critic updates (the other settings at their defaults, random weights).
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Time training steps (median after warm-up): crops per second and where the step time goes.")
final class BenchTrainCommand implements Callable<Integer> {

    @Option(names = "--data", arity = "1..*", paramLabel = "DIR",
            description = "Folders of photos (default: a few synthetic photos in a temporary folder).")
    List<Path> data = new ArrayList<>();

    @Option(names = "--crop", defaultValue = "256", paramLabel = "N",
            description = "Side of the training crops, a multiple of 64 (default: ${DEFAULT-VALUE}).")
    int crop;

    @Option(names = "--batch", defaultValue = "1", paramLabel = "N", description = "Crops per batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--critic-steps", defaultValue = "3", paramLabel = "N",
            description = "Critic updates per generator step, each on a batch of its own (default: ${DEFAULT-VALUE}).")
    int criticSteps;

    @Option(names = "--steps", defaultValue = "10", paramLabel = "N", description = "Timed generator steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--warmup", defaultValue = "2", paramLabel = "N", description = "Untimed steps first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (crop < 64 || crop % 64 != 0) {
            throw new IllegalArgumentException("--crop must be a positive multiple of 64, not " + crop);
        }
        if (batch < 1) {
            throw new IllegalArgumentException("--batch must be at least 1, not " + batch);
        }
        if (criticSteps < 0) {
            throw new IllegalArgumentException("--critic-steps must be 0 or more, not " + criticSteps);
        }
        BenchCommand.checkRepetitions("--steps", steps, warmup);
        TrainingConfig config = TrainingConfig.defaults().withSteps(crop, batch, criticSteps);
        TrainingBenchmark.Result r;
        String source;
        if (data.isEmpty()) {
            r = TrainingBenchmark.runSynthetic(config, warmup, steps);
            source = String.format(Locale.ROOT, "%d synthetic photos of %dx%d (JPEG, deleted afterwards)", r.photos(),
                    2 * crop, 3 * crop / 2);
        } else {
            r = TrainingBenchmark.run(config, PhotoDataset.scan(data), warmup, steps);
            source = r.photos() + " photos in " + data.stream().map(Path::toString).collect(Collectors.joining(", "));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "training steps: %dx%d crops, batch %d, %d critic update%s per generator step,"
                + " generator base width %d, %d steps after %d warm-up, %d CPU threads%n", crop, crop, batch, criticSteps,
                criticSteps == 1 ? "" : "s", config.baseWidth(), steps, warmup, Runtime.getRuntime().availableProcessors());
        out.println("  data: " + source);
        row(out, "seconds per generator step (median)", r.medianStepSeconds(),
                String.format(Locale.ROOT, "min %.3f, max %.3f", r.minStepSeconds(), r.maxStepSeconds()));
        row(out, "images per second, all crops consumed", r.cropsPerSecond(),
                "batch x (critic updates + 1) / step time");
        row(out, "images per second, generator updates", r.generatorImagesPerSecond(), "batch / step time");
        row(out, "share of step time: data waiting", r.dataShare(), "");
        row(out, "share of step time: critic updates", r.criticShare(), "generator passes for the critic included");
        row(out, "share of step time: generator update", r.generatorShare(), "");
        out.flush();
        return 0;
    }

    /** One figure: its name, its value, and what it counts. */
    private static void row(PrintWriter out, String name, double value, String note) {
        out.println(String.format(Locale.ROOT, "  %-38s %10.3f   %s", name, value, note).stripTrailing());
    }
}
