package org.hifill.cli;

import ai.djl.ndarray.NDManager;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hifill.bench.BenchJson;
import org.hifill.bench.GeneratorBenchmark;
import org.hifill.bench.GeneratorTimings;
import org.hifill.bench.InpaintTimings;
import org.hifill.model.generator.GeneratorConfig;
import org.hifill.model.generator.HiFillGenerator;
import org.hifill.model.weights.ModelDirectory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hifill bench model}: the generator's forward pass on the CPU. */
@Command(name = "model", mixinStandardHelpOptions = true,
        description = "Time the generator forward pass (median after warm-up) and its GFLOP/s.")
final class BenchModelCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "DIR", description = "Model directory (default: released architecture, random weights).")
    Path model;

    @Option(names = "--size", defaultValue = "512", paramLabel = "HxW|N",
            description = "Input size, N or HEIGHTxWIDTH, multiples of 64 (default: ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--runs", defaultValue = "10", description = "Timed runs (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup", defaultValue = "3", description = "Untimed runs first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "Results as text, or as one line of JSON (default: ${DEFAULT-VALUE}).")
    ResultFormat format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        BenchCommand.checkRepetitions("--runs", runs, warmup);
        int[] hw = parseSize(size);
        PrintWriter out = spec.commandLine().getOut();
        try (NDManager manager = NDManager.newBaseManager()) {
            HiFillGenerator generator = model == null
                    ? ModelDirectory.initialise(GeneratorConfig.released(), manager)
                    : ModelDirectory.load(model, manager).generator();
            GeneratorBenchmark.Result r = GeneratorBenchmark.run(generator, manager, hw[0], hw[1], warmup, runs, 1);
            if (format == ResultFormat.json) {
                String used = model == null ? InpaintTimings.RANDOM_WEIGHTS : model.toAbsolutePath().normalize().toString();
                out.println(BenchJson.line(GeneratorTimings.of(r, warmup, used)));
                out.flush();
                return 0;
            }
            out.printf("generator forward %dx%d (HxW), %d runs after %d warm-up, %d CPU threads%n",
                    hw[0], hw[1], runs, warmup, Runtime.getRuntime().availableProcessors());
            out.printf("  median %.1f ms  (min %.1f, max %.1f)%n", r.median(), r.min(), r.max());
            out.println("  runs (ms): " + java.util.Arrays.stream(r.millis())
                    .mapToObj(ms -> String.format("%.0f", ms)).collect(java.util.stream.Collectors.joining(" ")));
            var c = r.cost();
            out.printf("  work per pass: %.1f GFLOP as released (%.1f in dense attention transfers);"
                    + " %.1f GFLOP executed here (transfers %.1f)%n", c.releasedGflop(),
                    2.0 * c.transferAsReleased() / 1e9, c.executedGflop(), 2.0 * c.transferExecuted() / 1e9);
            out.printf("  %.1f GFLOP/s executed%n", r.gflopPerSecond());
            out.flush();
        }
        return 0;
    }

    static int[] parseSize(String text) {
        String[] parts = text.toLowerCase().split("x");
        try {
            if (parts.length == 1) {
                int n = Integer.parseInt(parts[0].trim());
                return new int[] {n, n};
            }
            if (parts.length == 2) {
                return new int[] {Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim())};
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--size '" + text + "': expected N or HEIGHTxWIDTH, such as 512 or 512x768");
    }
}
