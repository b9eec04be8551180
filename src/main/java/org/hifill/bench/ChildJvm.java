package org.hifill.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a main class in a child JVM made like this one: the same java executable, class path and
 * JVM options (system properties, heap limit...), the same environment and working folder. A
 * debugger agent is left out, as its port is taken. Used to measure each benchmark in a fresh
 * process, whose peak resident memory is then its own.
 */
public final class ChildJvm {

    /** What the child wrote: its standard output and its standard error. */
    public record Output(String out, String err) {}

    private ChildJvm() {}

    /**
     * Runs the child to its end.
     *
     * @throws IOException if it cannot be started or exits with a non-zero status (the message
     *     then says so, with the last line of its standard error)
     */
    public static Output run(Class<?> mainClass, List<String> args) throws IOException, InterruptedException {
        List<String> command = command(mainClass, args);
        Path err = Files.createTempFile("hifill-child", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectError(err.toFile()).start();
            int status;
            String out;
            try {
                process.getOutputStream().close();
                out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                status = process.waitFor();
            } finally {
                if (process.isAlive()) {
                    process.destroyForcibly();
                }
            }
            String errText = Files.readString(err);
            if (status != 0) {
                throw new IOException("exited with status " + status + ": " + lastLine(errText));
            }
            return new Output(out, errText);
        } finally {
            Files.deleteIfExists(err);
        }
    }

    /** java, this JVM's options, -cp, this class path, the main class and its arguments. */
    static List<String> command(Class<?> mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> !a.startsWith("-agentlib:jdwp") && !a.startsWith("-Xrunjdwp"))
                .forEach(command::add);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(args);
        return command;
    }

    private static String lastLine(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "(nothing on its standard error)" : lines.get(lines.size() - 1).strip();
    }
}
