package org.hifill.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code hifill bench}: measured timings of the system's stages. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks (timings are medians).",
        subcommands = {BenchModelCommand.class, BenchInpaintCommand.class, BenchTrainCommand.class,
            BenchReportCommand.class})
final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Refuses counts of timed repetitions below 1 or of warm-up repetitions below 0.
     *
     * @param what the option counting timed repetitions, such as "--runs"
     */
    static void checkRepetitions(String what, int timed, int warmup) {
        if (timed < 1 || warmup < 0) {
            throw new IllegalArgumentException(what + " must be at least 1 and --warmup not negative");
        }
    }
}
