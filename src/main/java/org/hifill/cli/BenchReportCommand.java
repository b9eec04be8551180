package org.hifill.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hifill.bench.BenchJson;
import org.hifill.bench.BenchReport;
import org.hifill.bench.ChildJvm;
import org.hifill.bench.GeneratorTimings;
import org.hifill.bench.InpaintTimings;
import org.hifill.bench.Machine;
import org.hifill.bench.ReportComparison;
import org.hifill.bench.ReportTable;
import org.hifill.evaluation.ReportFiles;
import org.hifill.model.generator.HiFillGenerator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hifill bench report}: {@code bench inpaint} at each size and {@code bench model} once, each
 * in a child JVM of its own (so that each peak resident memory is that size's), gathered into one
 * report: JSON to a file, a Markdown table to standard output, and the ratios to a previous report.
 */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Time the inpainting stages at several sizes (each in its own process, with its peak RSS) and the "
                + "generator's forward pass: one JSON report and a Markdown table, optionally compared with a previous report."})
final class BenchReportCommand implements Callable<Integer> {

    @Option(names = "--sizes", defaultValue = "512,1024,2048,4096,8192", paramLabel = "N,N...",
            description = "Square photo sizes to time (default: ${DEFAULT-VALUE}).")
    String sizes;

    @Option(names = "--runs", defaultValue = "5", paramLabel = "N", description = "Timed runs per size (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup", defaultValue = "1", paramLabel = "N", description = "Untimed runs first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = {"-o", "--output"}, paramLabel = "REPORT.json", description = "Write the report as JSON to this file.")
    Path output;

    @Option(names = "--compare", paramLabel = "PREVIOUS.json",
            description = "A previous report: print the ratios new / previous per size and stage.")
    Path compare;

    @Option(names = "--model", paramLabel = "DIR",
            description = "Model directory (default: the bundled model, else random weights).")
    Path model;

    @Option(names = "--generator-size", defaultValue = "512", paramLabel = "N",
            description = "Input side of the timed generator forward pass, a multiple of 64 (default: ${DEFAULT-VALUE}).")
    int generatorSize;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        BenchCommand.checkRepetitions("--runs", runs, warmup);
        if (generatorSize < HiFillGenerator.SIDE_MULTIPLE || generatorSize % HiFillGenerator.SIDE_MULTIPLE != 0) {
            throw new IllegalArgumentException("--generator-size must be a positive multiple of "
                    + HiFillGenerator.SIDE_MULTIPLE + ", not " + generatorSize);
        }
        List<Integer> sizeList = SizeList.parse(sizes);
        BenchReport previous = compare == null ? null : BenchReport.read(compare);
        checkOutput();
        String date = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
        GeneratorTimings generator = measure(GeneratorTimings.class, "model", generatorSize);
        List<InpaintTimings> measured = new ArrayList<>();
        for (int size : sizeList) {
            measured.add(measure(InpaintTimings.class, "inpaint", size));
        }
        BenchReport report = new BenchReport(date, Machine.current(), generator, measured);
        if (output != null) {
            ReportFiles.writeAtomically(output, report.toJson());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(ReportTable.markdown(report));
        if (previous != null) {
            out.println();
            out.print(ReportComparison.markdown(report, previous, compare.toString()));
        }
        out.flush();
        return 0;
    }

    /** Runs {@code hifill bench BENCHMARK --size SIZE ... --format json} in a child JVM and reads its result. */
    private <T> T measure(Class<T> result, String benchmark, int size) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("bench", benchmark, "--size", Integer.toString(size),
                "--runs", Integer.toString(runs), "--warmup", Integer.toString(warmup), "--format", "json"));
        if (model != null) {
            args.addAll(List.of("--model", model.toAbsolutePath().normalize().toString()));
        }
        String command = "hifill " + String.join(" ", args);
        progress(String.format(Locale.ROOT, "bench %s at %d x %d...", benchmark, size, size));
        ChildJvm.Output child;
        try {
            child = ChildJvm.run(HifillCli.class, args);
        } catch (IOException e) {
            throw new IOException(command + ": " + UserErrors.oneLine(e), e);
        }
        child.err().lines().filter(l -> !l.isBlank()).forEach(l -> progress("bench " + benchmark + " at " + size + ": " + l));
        List<String> json = child.out().lines().filter(l -> l.startsWith("{")).toList();
        if (json.isEmpty()) {
            throw new IOException(command + ": printed no result");
        }
        return BenchJson.parse(json.get(json.size() - 1), result);
    }

    /** The report file: not a folder, in a folder that exists. Checked before the long measurements. */
    private void checkOutput() throws IOException {
        if (output == null) {
            return;
        }
        if (Files.isDirectory(output)) {
            throw new IOException(output + ": is a folder; give the report's file name");
        }
        Path folder = output.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new IOException(folder + ": no such folder for the report");
        }
    }

    private void progress(String line) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("hifill bench report: " + line);
        err.flush();
    }
}
