package org.hifill.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import org.hifill.image.PhotoWriter;
import org.hifill.image.WriteOptions;
import org.hifill.masks.MaskGenerator;
import org.hifill.masks.MaskSettings;
import org.hifill.masks.ObjectMasks;
import org.hifill.masks.ObjectTemplates;
import org.hifill.masks.ProceduralObjects;
import org.hifill.pipeline.HoleMask;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hifill masks}: writes training masks, free-form strokes and object shapes as the trainer
 * draws them, to look at; optionally with a histogram of their hole ratios.
 */
@Command(name = "masks", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write random training masks (PNG, white = hole): free-form strokes and object shapes.")
final class MasksCommand implements Callable<Integer> {

    private static final double BIN_WIDTH = 0.05;
    private static final int BAR_WIDTH = 40;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Folder to write to.")
    Path output;

    @Option(names = "-n", required = true, paramLabel = "N", description = "How many masks.")
    int count;

    @Option(names = "--size", defaultValue = "512", paramLabel = "PIXELS", description = "Side of the square masks (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "Folder of object template masks (PNG, white = hole); default: procedural objects.")
    Path templates;

    @Option(names = "--object-probability", defaultValue = "0.5", paramLabel = "P",
            description = "Share of object-shaped masks (default: ${DEFAULT-VALUE}).")
    double objectProbability;

    @Option(names = "--min-hole", defaultValue = "0.05", paramLabel = "R",
            description = "Least hole ratio (default: ${DEFAULT-VALUE}).")
    double minHole;

    @Option(names = "--max-hole", defaultValue = "0.3", paramLabel = "R",
            description = "Largest hole ratio (default: ${DEFAULT-VALUE}).")
    double maxHole;

    @Option(names = "--stats", description = "Print the histogram of hole ratios.")
    boolean stats;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (count < 1) {
            throw new IllegalArgumentException("-n must be at least 1, not " + count);
        }
        if (size < 16) {
            throw new IllegalArgumentException("--size must be at least 16, not " + size);
        }
        MaskSettings settings = new MaskSettings(objectProbability, minHole, maxHole);
        ObjectMasks objects = templates == null ? new ProceduralObjects() : ObjectTemplates.load(templates);
        MaskGenerator generator = new MaskGenerator(objects, settings);
        Files.createDirectories(output);
        Random random = new Random(seed);
        int digits = String.valueOf(count).length();
        int[] bins = new int[(int) Math.ceil(Math.max(0.5, maxHole) / BIN_WIDTH - 1e-9)];
        for (int i = 1; i <= count; i++) {
            HoleMask mask = generator.next(size, random);
            PhotoWriter.write(mask.toImage(), output.resolve(String.format(Locale.ROOT, "mask-%0" + digits + "d.png", i)),
                    WriteOptions.defaults());
            bins[Math.min(bins.length - 1, (int) (mask.holeFraction() / BIN_WIDTH))]++;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "wrote %d masks of %dx%d to %s%n", count, size, size, output);
        if (stats) {
            printHistogram(out, bins);
        }
        out.flush();
        return 0;
    }

    private static void printHistogram(PrintWriter out, int[] bins) {
        int most = Arrays.stream(bins).max().orElse(1);
        out.println(String.format(Locale.ROOT, "%10s  %7s", "hole ratio", "masks"));
        for (int b = 0; b < bins.length; b++) {
            String bar = "#".repeat((int) Math.round((double) BAR_WIDTH * bins[b] / most));
            String range = String.format(Locale.ROOT, "%.0f-%.0f%%", 100 * b * BIN_WIDTH, 100 * (b + 1) * BIN_WIDTH);
            out.println(String.format(Locale.ROOT, "%10s  %7d  %s", range, bins[b], bar).stripTrailing());
        }
    }
}
