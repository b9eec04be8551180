package org.hifill.cli;

import ai.djl.ndarray.NDManager;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.hifill.bench.BenchJson;
import org.hifill.bench.InpaintTimings;
import org.hifill.bench.Medians;
import org.hifill.bench.ProcessMemory;
import org.hifill.bench.SyntheticPhoto;
import org.hifill.image.MaskReader;
import org.hifill.image.Photo;
import org.hifill.image.PhotoReader;
import org.hifill.image.PhotoWriter;
import org.hifill.image.WriteOptions;
import org.hifill.masks.FreeFormStrokes;
import org.hifill.model.generator.GeneratorConfig;
import org.hifill.model.weights.ModelDirectory;
import org.hifill.pipeline.GeneratorModel;
import org.hifill.pipeline.HoleMask;
import org.hifill.pipeline.InpaintOptions;
import org.hifill.pipeline.InpaintResult;
import org.hifill.pipeline.Inpainter;
import org.hifill.pipeline.Strategy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hifill bench inpaint}: the whole file-to-file path on a synthetic photo with a free-form
 * hole, timed per stage (median of the runs), with the process's peak resident memory.
 */
@Command(name = "inpaint", mixinStandardHelpOptions = true,
        description = "Time inpainting a synthetic photo end to end, per stage (medians), with peak RSS.")
final class BenchInpaintCommand implements Callable<Integer> {

    @Option(names = "--size", defaultValue = "4096", paramLabel = "N|HxW",
            description = "Photo size, N or HEIGHTxWIDTH (default: ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--hole", defaultValue = "0.25", description = "Share of the photo to paint (default: ${DEFAULT-VALUE}).")
    double hole;

    @Option(names = "--runs", defaultValue = "5", description = "Timed runs (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup", defaultValue = "1", description = "Untimed runs first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--output-format", defaultValue = "jpg", paramLabel = "jpg|png",
            description = "Format written (default: ${DEFAULT-VALUE}); the input is always JPEG.")
    String format;

    @Option(names = "--strategy", defaultValue = "whole", paramLabel = "auto|whole|crop",
            description = "CRA strategy (default: ${DEFAULT-VALUE}).")
    String strategy;

    @Option(names = "--model", paramLabel = "DIR",
            description = "Model directory (default: the bundled model, else random weights).")
    Path model;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "Results as text, or as one line of JSON (default: ${DEFAULT-VALUE}).")
    ResultFormat resultFormat;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The model directory used, or random weights. */
    private String modelUsed;

    @Override
    public Integer call() throws Exception {
        BenchCommand.checkRepetitions("--runs", runs, warmup);
        if (!(hole > 0 && hole <= 0.9)) {
            throw new IllegalArgumentException("--hole must be in (0, 0.9], not " + hole);
        }
        int[] hw = BenchModelCommand.parseSize(size);
        int height = hw[0];
        int width = hw[1];
        Path dir = Files.createTempDirectory("hifill-bench");
        try (NDManager manager = NDManager.newBaseManager();
                Inpainter inpainter = inpainter(manager)) {
            Path photoFile = dir.resolve("photo.jpg");
            Path maskFile = dir.resolve("mask.png");
            PhotoWriter.write(SyntheticPhoto.create(width, height, 7), photoFile, WriteOptions.defaults());
            HoleMask painted = FreeFormStrokes.brush().draw(width, height, hole, new Random(7));
            PhotoWriter.write(painted.toImage(), maskFile, WriteOptions.defaults());
            List<String> regions = new ArrayList<>();
            Map<String, List<Double>> stages = time(inpainter, photoFile, maskFile, dir.resolve("out." + format), regions);
            Map<String, Double> medians = new LinkedHashMap<>();
            stages.forEach((stage, ms) -> medians.put(stage, Medians.of(ms)));
            InpaintTimings timings = new InpaintTimings(width, height, hole, strategy, format, runs, warmup, modelUsed,
                    medians, ProcessMemory.peakResidentKib());
            PrintWriter out = spec.commandLine().getOut();
            if (resultFormat == ResultFormat.json) {
                out.println(BenchJson.line(timings));
            } else {
                printText(out, timings, regions, stages);
            }
            out.flush();
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
        return 0;
    }

    /**
     * Runs the warm-up and the timed runs.
     *
     * @param regions receives a description of each region CRA filled (in the first run)
     * @return stage name to its milliseconds in each timed run, in the order the stages ran
     */
    private Map<String, List<Double>> time(Inpainter inpainter, Path photoFile, Path maskFile, Path outFile,
            List<String> regions) throws Exception {
        InpaintOptions options = InpaintOptions.defaults().withStrategy(Strategy.parse(strategy));
        Map<String, List<Double>> stages = new LinkedHashMap<>();
        for (int run = -warmup; run < runs; run++) {
            Map<String, Double> ms = new LinkedHashMap<>();
            long start = System.nanoTime();
            long t = start;
            Photo photo = PhotoReader.read(photoFile);
            ms.put(InpaintTimings.DECODE, since(t));
            t = System.nanoTime();
            HoleMask mask = MaskReader.read(maskFile, photo.width(), photo.height(), false, w -> { });
            ms.put(InpaintTimings.READ_MASK, since(t));
            InpaintResult result = inpainter.inpaint(photo.image(), mask, options);
            ms.putAll(result.times().asMillis());
            t = System.nanoTime();
            PhotoWriter.write(result.image(), outFile, new WriteOptions(WriteOptions.DEFAULT_JPEG_QUALITY, photo.iccProfile()));
            ms.put(InpaintTimings.ENCODE, since(t));
            ms.put(InpaintTimings.TOTAL, since(start));
            if (run == -warmup) {
                result.regions().forEach(r -> regions.add(String.format(Locale.ROOT,
                        "  region %dx%d at (%d,%d): network %dx%d, %d hole cells, %d context cells, %.1f weights kept per row,"
                                + " feather %d px, weight left out at most %.4f", r.region().width, r.region().height,
                        r.region().x, r.region().y, r.networkSize().width(), r.networkSize().height(),
                        r.targetCells(), r.sourceCells(), r.meanKeptPerRow(), r.featherRadius(), r.maxDroppedMass())));
            }
            if (run >= 0) {
                ms.forEach((k, v) -> stages.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
            }
        }
        return stages;
    }

    private static void printText(PrintWriter out, InpaintTimings timings, List<String> regions,
            Map<String, List<Double>> stages) {
        if (InpaintTimings.RANDOM_WEIGHTS.equals(timings.model())) {
            out.println("no bundled model: random weights (attention rows are diffuse, so aggregation does more work)");
        }
        out.printf(Locale.ROOT, "inpaint %dx%d JPEG -> %s, %.0f%% free-form hole, strategy %s, %d runs after %d warm-up%n",
                timings.width(), timings.height(), timings.outputFormat().toUpperCase(Locale.ROOT), 100 * timings.hole(),
                timings.strategy(), timings.runs(), timings.warmup());
        regions.forEach(out::println);
        stages.forEach((k, v) -> out.printf(Locale.ROOT, "  %-12s median %8.1f ms   (min %.1f, max %.1f)%n", k,
                timings.millis(k), v.stream().mapToDouble(d -> d).min().orElse(0), v.stream().mapToDouble(d -> d).max().orElse(0)));
        out.printf(Locale.ROOT, "  peak RSS of this process: %s%n", timings.peakRssKib() < 0 ? "unknown"
                : String.format(Locale.ROOT, "%.2f GB", timings.peakRssKib() / 1024.0 / 1024.0));
    }

    private Inpainter inpainter(NDManager manager) throws Exception {
        try {
            Path dir = ModelLocation.resolve(model);
            Inpainter inpainter = Inpainter.load(dir);
            modelUsed = dir.toAbsolutePath().normalize().toString();
            return inpainter;
        } catch (org.hifill.model.weights.ModelFormatException e) {
            if (model != null) {
                throw e;
            }
            modelUsed = InpaintTimings.RANDOM_WEIGHTS;
            return Inpainter.of(new GeneratorModel(ModelDirectory.initialise(GeneratorConfig.released(), manager), manager));
        }
    }

    private static double since(long start) {
        return (System.nanoTime() - start) / 1e6;
    }
}
