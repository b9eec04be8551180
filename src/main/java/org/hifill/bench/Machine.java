package org.hifill.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The machine a benchmark ran on, as far as it changes timings: CPU model, cores available to the
 * JVM, installed memory, operating system, Java version and the OpenMP wait policy of the engine.
 *
 * @param memoryKib MemTotal of /proc/meminfo, -1 if unknown
 * @param ompWaitPolicy the environment's OMP_WAIT_POLICY, or {@value #UNSET}
 */
public record Machine(String cpu, int cores, long memoryKib, String os, String java, String ompWaitPolicy) {

    public static final String UNKNOWN = "unknown";
    public static final String UNSET = "unset";

    /** This machine, now. */
    public static Machine current() {
        String policy = System.getenv("OMP_WAIT_POLICY");
        return new Machine(field(Path.of("/proc/cpuinfo"), "model name").orElse(UNKNOWN),
                Runtime.getRuntime().availableProcessors(),
                field(Path.of("/proc/meminfo"), "MemTotal").map(v -> v.replaceAll("\\D", "")).filter(v -> !v.isEmpty())
                        .map(Long::parseLong).orElse(-1L),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                Runtime.version().toString(), policy == null || policy.isBlank() ? UNSET : policy);
    }

    /** One line: CPU, cores, memory, system, Java, OpenMP policy. */
    public String describe() {
        return String.format(Locale.ROOT, "%s, %d cores, %s memory, %s, Java %s, OMP_WAIT_POLICY=%s", cpu, cores,
                memory(), os, java, ompWaitPolicy);
    }

    /** Installed memory, as "23.4 GiB". */
    public String memory() {
        return memoryKib < 0 ? UNKNOWN : String.format(Locale.ROOT, "%.1f GiB", memoryKib / 1024.0 / 1024.0);
    }

    /** The value of the first "name : value" line of a /proc file that has the name. */
    private static Optional<String> field(Path file, String name) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.stream().filter(l -> l.startsWith(name) && l.indexOf(':') > 0)
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).filter(v -> !v.isEmpty()).findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
