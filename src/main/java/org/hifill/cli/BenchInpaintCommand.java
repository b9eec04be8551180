package org.hifill.cli;

import ai.djl.ndarray.NDManager;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
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

    @Option(names = "--output-format", defaultValue = "jpg", paramLabel = "jpg|png",
            description = "Format written (default: ${DEFAULT-VALUE}); the input is always JPEG.")
    String format;

    @Option(names = "--strategy", defaultValue = "whole", paramLabel = "auto|whole|crop",
            description = "CRA strategy (default: ${DEFAULT-VALUE}).")
    String strategy;

    @Option(names = "--model", paramLabel = "DIR",
            description = "Model directory (default: the bundled model, else random weights).")
    Path model;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (runs < 1 || !(hole > 0 && hole <= 0.9)) {
            throw new IllegalArgumentException("--runs must be at least 1 and --hole in (0, 0.9]");
        }
        int[] hw = BenchModelCommand.parseSize(size);
        int height = hw[0];
        int width = hw[1];
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("hifill-bench");
        try (NDManager manager = NDManager.newBaseManager();
                Inpainter inpainter = inpainter(manager, out)) {
            Path photoFile = dir.resolve("photo.jpg");
            Path maskFile = dir.resolve("mask.png");
            Path outFile = dir.resolve("out." + format);
            PhotoWriter.write(SyntheticPhoto.create(width, height, 7), photoFile, WriteOptions.defaults());
            HoleMask painted = FreeFormStrokes.brush().draw(width, height, hole, new Random(7));
            PhotoWriter.write(painted.toImage(), maskFile, WriteOptions.defaults());
            InpaintOptions options = InpaintOptions.defaults()
                    .withStrategy(Strategy.parse(strategy));
            Map<String, List<Double>> stages = new LinkedHashMap<>();
            List<String> regions = new ArrayList<>();
            for (int run = -1; run < runs; run++) {
                Map<String, Double> ms = new LinkedHashMap<>();
                long start = System.nanoTime();
                long t = start;
                Photo photo = PhotoReader.read(photoFile);
                ms.put("decode", since(t));
                t = System.nanoTime();
                HoleMask mask = MaskReader.read(maskFile, width, height, false, w -> { });
                ms.put("read mask", since(t));
                InpaintResult result = inpainter.inpaint(photo.image(), mask, options);
                ms.putAll(result.times().asMillis());
                t = System.nanoTime();
                PhotoWriter.write(result.image(), outFile, new WriteOptions(WriteOptions.DEFAULT_JPEG_QUALITY, photo.iccProfile()));
                ms.put("encode", since(t));
                ms.put("total", since(start));
                if (run < 0) {
                    result.regions().forEach(r -> regions.add(String.format(Locale.ROOT,
                            "  region %dx%d at (%d,%d): network %dx%d, %d hole cells, %d context cells, %.1f weights kept per row,"
                                    + " feather %d px, weight left out at most %.4f", r.region().width, r.region().height,
                            r.region().x, r.region().y, r.networkSize().width(), r.networkSize().height(),
                            r.targetCells(), r.sourceCells(), r.meanKeptPerRow(), r.featherRadius(), r.maxDroppedMass())));
                } else {
                    ms.forEach((k, v) -> stages.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
                }
            }
            out.printf(Locale.ROOT, "inpaint %dx%d JPEG -> %s, %.0f%% free-form hole, strategy %s, %d runs after 1 warm-up%n",
                    width, height, format.toUpperCase(Locale.ROOT), 100 * hole, strategy, runs);
            regions.forEach(out::println);
            stages.forEach((k, v) -> out.printf(Locale.ROOT, "  %-12s median %8.1f ms   (min %.1f, max %.1f)%n", k,
                    median(v), v.stream().mapToDouble(d -> d).min().orElse(0), v.stream().mapToDouble(d -> d).max().orElse(0)));
            out.printf(Locale.ROOT, "  peak RSS of this process: %.2f GB%n", peakRssKib() / 1024.0 / 1024.0);
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

    private Inpainter inpainter(NDManager manager, PrintWriter out) throws Exception {
        try {
            return Inpainter.load(ModelLocation.resolve(model));
        } catch (org.hifill.model.weights.ModelFormatException e) {
            if (model != null) {
                throw e;
            }
            out.println("no bundled model: random weights (attention rows are diffuse, so aggregation does more work)");
            return Inpainter.of(new GeneratorModel(ModelDirectory.initialise(GeneratorConfig.released(), manager), manager));
        }
    }

    private static double since(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(d -> d).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** VmHWM of /proc/self/status: the peak resident set of this process. */
    static long peakRssKib() throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }
}
