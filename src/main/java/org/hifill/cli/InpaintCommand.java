package org.hifill.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.hifill.pipeline.Inpainter;
import org.hifill.pipeline.InpaintOptions;
import org.hifill.pipeline.Strategy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hifill inpaint}: fill the holes of one photo, or of every photo of a folder whose mask
 * has the same name in another folder.
 */
@Command(name = "inpaint", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fill the painted holes of a photo at full resolution (CRA).",
            "  hifill inpaint IMAGE MASK -o OUT",
            "  hifill inpaint --images DIR --masks DIR -o OUT_DIR"})
final class InpaintCommand implements Callable<Integer> {

    @Parameters(arity = "0..2", paramLabel = "IMAGE MASK", description = "The photo and its mask (single mode).")
    List<Path> files = new ArrayList<>();

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT",
            description = "Output file (its extension picks the format), or folder in batch mode.")
    Path output;

    @Option(names = "--images", paramLabel = "DIR", description = "Batch mode: folder of photos (outputs keep their names; WebP is written as PNG).")
    Path imagesDir;

    @Option(names = "--masks", paramLabel = "DIR", description = "Batch mode: folder of masks, matched by file name.")
    Path masksDir;

    @Option(names = "--model", paramLabel = "DIR", description = "Model directory.")
    Path model;

    @Option(names = "--strategy", defaultValue = "auto", paramLabel = "auto|whole|crop",
            description = "Whole photo, or crops around small holes (default: ${DEFAULT-VALUE}; auto crops "
                    + "when the long side exceeds 1024 px and crops cover at most half the photo).")
    String strategy;

    @Option(names = "--invert-mask", description = "Black (not white) marks the hole.")
    boolean invertMask;

    @Option(names = "--quality", defaultValue = "0.95", paramLabel = "Q",
            description = "JPEG quality, 0 to 1 (default: ${DEFAULT-VALUE}).")
    float quality;

    @Option(names = "--tolerance", defaultValue = "0.001953125", paramLabel = "T",
            description = "Attention weight each aggregation row may leave out; "
                    + "the error is at most T x 255 grey levels (default: 1/512).")
    double tolerance;

    @Option(names = "--save-intermediates", paramLabel = "DIR",
            description = "Also write the pictures of each stage (paper Fig. 2) as PNG into DIR.")
    Path intermediates;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        boolean batch = imagesDir != null || masksDir != null;
        if (batch && !files.isEmpty()) {
            throw usage("give either IMAGE MASK or --images/--masks, not both");
        }
        if (batch && (imagesDir == null || masksDir == null)) {
            throw usage("batch mode needs both --images DIR and --masks DIR");
        }
        if (!batch && files.size() != 2) {
            throw usage("give IMAGE and MASK (or --images DIR --masks DIR)");
        }
        if (!(quality >= 0 && quality <= 1)) {
            throw usage("--quality must be between 0 and 1, not " + quality);
        }
        InpaintOptions options = InpaintOptions.defaults().withStrategy(parseStrategy()).withTolerance(tolerance);
        Path modelDir = ModelLocation.resolve(model);
        PrintWriter err = spec.commandLine().getErr();
        try (Inpainter inpainter = Inpainter.load(modelDir)) {
            PhotoJob job = new PhotoJob(inpainter, options, invertMask, quality,
                    message -> err.println("hifill: warning: " + message));
            return batch ? batch(job) : single(job);
        }
    }

    private int single(PhotoJob job) throws IOException {
        PhotoJob.Report r = job.run(files.get(0), files.get(1), output, intermediates);
        PrintWriter out = spec.commandLine().getOut();
        out.println(r.summary());
        out.flush();
        return 0;
    }

    private int batch(PhotoJob job) throws IOException {
        List<Path> photos = BatchFiles.photos(imagesDir);
        java.util.Map<String, Path> masks = BatchFiles.byBaseName(BatchFiles.photos(masksDir));
        if (Files.exists(output) && !Files.isDirectory(output)) {
            throw new IOException(output + ": is a file, not a folder (batch mode writes into a folder)");
        }
        Files.createDirectories(output);
        PrintWriter err = spec.commandLine().getErr();
        List<String> failures = new ArrayList<>();
        java.util.Set<String> outputs = new java.util.HashSet<>();
        int done = 0;
        int skipped = 0;
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("inpaint").setInitialMax(photos.size())
                .setStyle(ProgressBarStyle.ASCII).continuousUpdate().setConsumer(
                        new me.tongfei.progressbar.InteractiveConsoleProgressBarConsumer(System.err))
                .build()) {
            for (Path photo : photos) {
                Optional<Path> mask = Optional.ofNullable(masks.get(BatchFiles.baseName(photo)));
                if (mask.isEmpty()) {
                    bar.pause();
                    err.println("hifill: " + photo + ": no mask of that name in " + masksDir + "; skipped");
                    err.flush();
                    bar.resume();
                    skipped++;
                } else if (!outputs.add(BatchFiles.outputName(photo))) {
                    bar.pause();
                    err.println("hifill: " + photo + ": its output " + output.resolve(BatchFiles.outputName(photo))
                            + " is also that of an earlier photo; not overwritten");
                    err.flush();
                    bar.resume();
                    failures.add(photo.getFileName().toString());
                } else {
                    try {
                        Path pictures = intermediates == null ? null
                                : intermediates.resolve(BatchFiles.baseName(photo));
                        job.run(photo, mask.get(), output.resolve(BatchFiles.outputName(photo)), pictures);
                        done++;
                    } catch (IOException | IllegalArgumentException e) {
                        bar.pause();
                        err.println("hifill: " + UserErrors.oneLine(e));
                        err.flush();
                        bar.resume();
                        failures.add(photo.getFileName().toString());
                    }
                }
                bar.step();
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%d inpainted, %d failed, %d skipped (no mask) -> %s%n", done, failures.size(),
                skipped, output);
        if (!failures.isEmpty()) {
            out.println("failed: " + String.join(", ", failures));
        }
        out.flush();
        return failures.isEmpty() ? 0 : UserErrors.USER_ERROR;
    }

    private Strategy parseStrategy() {
        try {
            return Strategy.parse(strategy);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
