package org.hifill.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code hifill model}: inspect models. */
@Command(name = "model", mixinStandardHelpOptions = true, description = "Inspect models.",
        subcommands = {ModelInfoCommand.class})
final class ModelCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
