package org.hifill.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.InteractiveConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.hifill.training.StepLosses;
import org.hifill.training.TrainingConfig;
import org.hifill.training.TrainingRun;
import org.hifill.training.ValidationScores;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hifill train}: train the generator and its critic (WGAN-GP) on folders of photos. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train the inpainting generator adversarially on photos (random crops, generated masks).",
            "  hifill train --data DIR... --out RUN_DIR [--steps N] [--resume] [--config FILE] [--init MODEL_DIR]"})
final class TrainCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, arity = "1..*", paramLabel = "DIR",
            description = "Folders of training photos (JPEG, PNG, WebP; subfolders included).")
    List<Path> data = new ArrayList<>();

    @Option(names = "--validation", arity = "1..*", paramLabel = "DIR",
            description = "Folders of validation photos (default: the training photos).")
    List<Path> validation = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "RUN_DIR",
            description = "Run folder: losses.csv, validation.csv, checkpoint/, model/.")
    Path runDir;

    @Option(names = "--steps", defaultValue = "200000", paramLabel = "N",
            description = "Total generator steps of the run, counting those before a resume (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--resume", description = "Continue the run in RUN_DIR from its checkpoint.")
    boolean resume;

    @Option(names = "--config", paramLabel = "FILE", description = "Training configuration (JSON) of a new run.")
    Path config;

    @Option(names = "--init", paramLabel = "MODEL_DIR", description = "Start the generator from this model (fine-tuning).")
    Path init;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "Object mask templates (white = hole), such as the release's 100 (default: procedural shapes).")
    Path templates;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (resume && config != null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--config is for a new run; a resumed run keeps the configuration in its checkpoint");
        }
        TrainingConfig settings = config == null ? TrainingConfig.defaults() : TrainingConfig.read(config);
        TrainingRun run = new TrainingRun(data, validation, runDir, steps, resume, settings, init, templates);
        ValidationScores scores;
        try (ProgressDisplay display = new ProgressDisplay()) {
            scores = run.run(display);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "trained to step %d: validation in-hole L1 %.2f, PSNR %.2f dB -> %s%n", steps,
                scores.holeL1(), scores.psnr(), runDir.resolve(TrainingRun.MODEL));
        out.flush();
        return 0;
    }

    /** A progress bar of steps with the speed, the time left and the latest losses. */
    private static final class ProgressDisplay implements TrainingRun.Listener, AutoCloseable {

        private ProgressBar bar;

        @Override
        public void started(long step, long total) {
            bar = new ProgressBarBuilder().setTaskName("train").setInitialMax(total).startsFrom(step, Duration.ZERO)
                    .setStyle(ProgressBarStyle.ASCII).showSpeed().setUnit(" it", 1).continuousUpdate()
                    .setConsumer(new InteractiveConsoleProgressBarConsumer(System.err)).build();
        }

        @Override
        public void stepped(long step, StepLosses losses) {
            bar.stepTo(step);
            bar.setExtraMessage(" " + losses.summary());
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
