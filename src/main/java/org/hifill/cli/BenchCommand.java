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
}
