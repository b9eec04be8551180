package org.hifill.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code hifill} command line: inpainting for ultra high-resolution photos. */
@Command(
        name = "hifill",
        mixinStandardHelpOptions = true,
        versionProvider = HifillCli.Version.class,
        description = "Ultra high-resolution image inpainting with Contextual Residual Aggregation (HiFill).",
        subcommands = {InpaintCommand.class, EvalCommand.class, TrainCommand.class, ModelCommand.class, ImportCommand.class, BenchCommand.class,
            MasksCommand.class, ServeCommand.class, CommandLine.HelpCommand.class})
public final class HifillCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the CLI and returns its exit code. */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line, for callers that redirect its output. */
    public static CommandLine commandLine() {
        return new CommandLine(new HifillCli()).setExecutionExceptionHandler(new UserErrors());
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** The version from the jar manifest, or {@code development} when run from classes. */
    static String version() {
        String v = HifillCli.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"hifill " + version()};
        }
    }
}
