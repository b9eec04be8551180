package org.hifill.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hifill.evaluation.Durations;
import org.hifill.evaluation.Evaluation;
import org.hifill.evaluation.EvaluationImage;
import org.hifill.evaluation.EvaluationMethods;
import org.hifill.evaluation.FeatureModel;
import org.hifill.evaluation.MaskSource;
import org.hifill.masks.MaskGenerator;
import org.hifill.masks.MaskSettings;
import org.hifill.masks.ObjectTemplates;
import org.hifill.masks.ProceduralObjects;
import org.hifill.pipeline.Inpainter;
import org.hifill.pipeline.Strategy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hifill eval}: the paper's Table 2 and Figures 3 and 6 as a command: every photo of a
 * folder at several sizes, filled by CRA and by the alternatives, scored, timed and reported.
 */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare inpainting methods on photos at several sizes: scores, time, memory, crops.",
            "  hifill eval --images DIR (--masks DIR | --random-masks SEED) -o REPORT_DIR",
            "Methods: hifill; upsample-{nearest,bilinear,bicubic}; ablation-{averaging,nearest,bilinear,bicubic}-"
                    + "{nearest,bilinear,bicubic}; telea; ns; mean-colour; diffusion."})
final class EvalCommand implements Callable<Integer> {

    @Option(names = "--images", required = true, paramLabel = "DIR",
            description = "Folder of photos, sub-folders included (never training photos).")
    Path imagesDir;

    @Option(names = "--masks", paramLabel = "DIR",
            description = "Folder of masks, matched to the photos by path inside the folder, extension aside.")
    Path masksDir;

    @Option(names = "--random-masks", paramLabel = "SEED",
            description = "Instead of --masks: a random training-style mask per photo, from this seed.")
    Long randomMasks;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "With --random-masks: object template masks (default: procedural objects).")
    Path templates;

    @Option(names = "--sizes", defaultValue = "512,1024,2048", paramLabel = "N,N...",
            description = "Long sides to evaluate at (default: ${DEFAULT-VALUE}).")
    String sizes;

    @Option(names = "--methods", defaultValue = "hifill,upsample-bicubic,telea", paramLabel = "M,M...",
            description = "Methods to compare (default: ${DEFAULT-VALUE}).")
    String methods;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "REPORT_DIR",
            description = "Folder for results.csv, results.md, the charts and the crops.")
    Path output;

    @Option(names = "--model", paramLabel = "DIR", description = "Model directory (default: the bundled model).")
    Path model;

    @Option(names = "--feature-model", paramLabel = "FILE",
            description = {"TorchScript model for FID and IS (without it they are n/a). Input: float [N, 3, S, S] "
                    + "RGB in [0, 1]; output: [N, D] features, or a tuple of [N, D] features and [N, C] logits."})
    Path featureModel;

    @Option(names = "--feature-size", defaultValue = "" + FeatureModel.DEFAULT_INPUT_SIZE, paramLabel = "S",
            description = "Side the photos are resized to for the feature model (default: ${DEFAULT-VALUE}).")
    int featureSize;

    @Option(names = "--time-limit", defaultValue = "120s", paramLabel = "T",
            description = "Most time one method may take on one photo, e.g. 90s, 5m (default: ${DEFAULT-VALUE}).")
    String timeLimit;

    @Option(names = "--strategy", defaultValue = "whole", paramLabel = "whole|auto|crop",
            description = "Where the network methods run CRA (default: ${DEFAULT-VALUE}, as in the paper).")
    String strategy;

    @Option(names = "--crops", defaultValue = "4", paramLabel = "N",
            description = "Photos (the first N) that get side-by-side crops of the hole (default: ${DEFAULT-VALUE}).")
    int crops;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<Integer> sizeList = SizeList.parse(sizes);
        List<String> methodList = Arrays.stream(methods.split(",", -1)).map(String::trim).toList();
        EvaluationMethods.check(methodList);
        Duration limit = Durations.parse(timeLimit);
        Strategy where = Strategy.parse(strategy);
        if (crops < 0) {
            throw new IllegalArgumentException("--crops must not be negative, not " + crops);
        }
        if (featureSize < 1) {
            throw new IllegalArgumentException("--feature-size must be positive, not " + featureSize);
        }
        if ((masksDir == null) == (randomMasks == null)) {
            throw new IllegalArgumentException("give either --masks DIR or --random-masks SEED");
        }
        if (templates != null && randomMasks == null) {
            throw new IllegalArgumentException("--templates goes with --random-masks");
        }
        List<EvaluationImage> images = images(sizeList.get(sizeList.size() - 1));
        checkOutput();
        PrintWriter err = spec.commandLine().getErr();
        Path modelDir = methodList.stream().anyMatch(EvaluationMethods::needsModel) ? ModelLocation.resolve(model) : null;
        Inpainter inpainter = null;
        Evaluation evaluation = null;
        try (FeatureModel features = featureModel == null ? null : FeatureModel.load(featureModel, featureSize)) {
            if (modelDir != null) {
                inpainter = Inpainter.load(modelDir);
            }
            Inpainter shared = inpainter;
            evaluation = new Evaluation(EvaluationMethods.create(methodList, () -> shared, where),
                    new Evaluation.Settings(sizeList, limit, crops), features, output, line -> {
                        err.println("hifill eval: " + line);
                        err.flush();
                    });
            Evaluation.Totals totals = evaluation.run(images,
                    context(sizeList, methodList, modelDir, features, limit, where));
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "%d photos (%d skipped) x %d sizes x %d methods: %d ok, %d failed, %d timed out -> %s%n",
                    totals.photos(), totals.skipped(), sizeList.size(), methodList.size(), totals.ok(), totals.failed(),
                    totals.timedOut(), output);
            out.flush();
            return 0;
        } finally {
            // A network call abandoned at the time limit may still read the model: leave it to the process's end.
            if (inpainter != null && (evaluation == null || !evaluation.workersStillRunning())) {
                inpainter.close();
            }
        }
    }

    /**
     * The photos with their mask sources, named by their paths inside the folder; photos without
     * a mask are left out with a warning.
     */
    private List<EvaluationImage> images(int largestSize) throws IOException {
        Map<String, Path> photos = BatchFiles.photosUnder(imagesDir);
        if (photos.isEmpty()) {
            throw new IOException(imagesDir + ": no photos (" + String.join(", ", BatchFiles.EXTENSIONS) + ")");
        }
        PrintWriter err = spec.commandLine().getErr();
        List<EvaluationImage> images = new ArrayList<>();
        if (randomMasks != null) {
            MaskGenerator generator = new MaskGenerator(
                    templates == null ? new ProceduralObjects() : ObjectTemplates.load(templates), MaskSettings.defaults());
            photos.forEach((name, photo) -> images.add(new EvaluationImage(name, photo,
                    MaskSource.random(generator, randomMasks, name, largestSize))));
            return images;
        }
        // Of two masks that differ only in extension, the first in name order is used.
        Map<String, Path> masks = new HashMap<>();
        BatchFiles.photosUnder(masksDir).forEach((name, mask) -> masks.putIfAbsent(BatchFiles.withoutExtension(name), mask));
        photos.forEach((name, photo) -> {
            Path mask = masks.get(BatchFiles.withoutExtension(name));
            if (mask == null) {
                err.println("hifill eval: warning: " + photo + ": no mask of that name in " + masksDir + "; skipped");
            } else {
                images.add(new EvaluationImage(name, photo,
                        MaskSource.file(mask, w -> err.println("hifill eval: warning: " + w))));
            }
        });
        if (images.isEmpty()) {
            throw new IOException(masksDir + ": no mask matches a photo of " + imagesDir + " by name");
        }
        return images;
    }

    /**
     * The report folder: a folder (made if missing) that is not one of the input folders, nor
     * inside the photos' or the masks' folder, which are searched with their sub-folders.
     */
    private void checkOutput() throws IOException {
        if (Files.exists(output) && !Files.isDirectory(output)) {
            throw new IOException(output + ": is a file, not a folder for the report");
        }
        Path report = output.toAbsolutePath().normalize();
        for (Path searched : new Path[] {imagesDir, masksDir}) {
            if (searched != null && report.startsWith(searched.toAbsolutePath().normalize())) {
                throw new IOException(output + ": is inside the input folder " + searched
                        + ", whose sub-folders are searched too; choose another report folder");
            }
        }
        for (Path input : new Path[] {templates, model}) {
            for (Path written : new Path[] {output, output.resolve(Evaluation.CROPS)}) {
                if (input != null && written.toAbsolutePath().normalize().equals(input.toAbsolutePath().normalize())) {
                    throw new IOException(written + ": is also an input folder; choose another report folder");
                }
            }
        }
    }

    private List<String> context(List<Integer> sizeList, List<String> methodList, Path modelDir, FeatureModel features,
            Duration limit, Strategy where) {
        List<String> lines = new ArrayList<>();
        lines.add("photos: " + shown(imagesDir));
        lines.add("masks: " + (masksDir != null ? shown(masksDir)
                : "random, seed " + randomMasks + (templates != null ? ", templates " + shown(templates) : ", procedural objects")));
        lines.add("sizes (long side): " + sizeList.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse(""));
        lines.add("methods: " + String.join(", ", methodList));
        if (modelDir != null) {
            lines.add("model: " + shown(modelDir) + "; CRA strategy "
                    + where.name().toLowerCase(Locale.ROOT));
        }
        lines.add("feature model (FID, IS): " + (features == null ? "none" : features.description()));
        lines.add("time limit per photo: " + Durations.format(limit));
        lines.add(String.format(Locale.ROOT, "machine: %d cores, Java %s, max heap %.1f GB; run %s",
                Runtime.getRuntime().availableProcessors(), Runtime.version(), Runtime.getRuntime().maxMemory() / 1e9,
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))));
        return lines;
    }

    /** A folder as the report names it: relative to the working folder when inside it, so a report moves. */
    private static String shown(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        Path here = Path.of("").toAbsolutePath();
        return absolute.startsWith(here) && !absolute.equals(here) ? here.relativize(absolute).toString() : absolute.toString();
    }
}
