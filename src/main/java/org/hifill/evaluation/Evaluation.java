package org.hifill.evaluation;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.hifill.image.PhotoReader;
import org.hifill.pipeline.HoleMask;

/**
 * {@code hifill eval}'s run: every photo at every size through every method, scored against the
 * scaled photo, with a report in a folder: {@value ResultsCsv#FILE}, {@value ResultsMarkdown#FILE},
 * the charts and, for the first few photos, the hole's crops side by side in {@value #CROPS}/.
 * With a {@link FeatureExtractor}, the original photos and every result are embedded too (outside
 * the timed call) for FID and IS per size and method. Every file is written to a temporary name
 * and renamed.
 */
public final class Evaluation {

    /** The folder of the crop pictures inside the report folder. */
    public static final String CROPS = "crops";

    /**
     * @param sizes long sides to evaluate at, ascending
     * @param timeLimit the most one method may take on one photo
     * @param cropPhotos how many photos (the first, in the order given) get crop pictures
     */
    public record Settings(List<Integer> sizes, Duration timeLimit, int cropPhotos) {
        public Settings {
            sizes = List.copyOf(sizes);
            if (sizes.isEmpty()) {
                throw new IllegalArgumentException("no size to evaluate at");
            }
        }
    }

    /** What the run did, for a summary line. */
    public record Totals(int photos, int skipped, int ok, int failed, int timedOut) {}

    private final List<EvaluationMethod> methods;
    private final Settings settings;
    private final Path reportDir;
    private final Consumer<String> progress;
    private final TimeLimitedRun runner;
    private final FeatureExtractor features;

    /**
     * @param features what FID and IS are computed from; null for none, when they are reported
     *     as unavailable
     * @param progress receives a line per photo and size, and warnings
     */
    public Evaluation(List<EvaluationMethod> methods, Settings settings, FeatureExtractor features, Path reportDir,
            Consumer<String> progress) {
        this.methods = List.copyOf(methods);
        this.settings = settings;
        this.features = features;
        this.reportDir = reportDir;
        this.progress = progress;
        this.runner = new TimeLimitedRun(settings.timeLimit());
    }

    /**
     * Whether a method call abandoned at the time limit is still running: what it uses (the
     * model) must then stay open until the process ends.
     */
    public boolean workersStillRunning() {
        return runner.workersStillRunning();
    }

    /**
     * Runs the evaluation and writes the report. A photo that cannot be read, or whose hole is
     * empty at a size, is skipped with a warning.
     *
     * @param context lines on what was run, for the top of {@value ResultsMarkdown#FILE}
     */
    public Totals run(List<EvaluationImage> images, List<String> context) throws IOException {
        Files.createDirectories(reportDir);
        List<EvaluationRow> rows = new ArrayList<>();
        List<String> crops = new ArrayList<>();
        FeatureSets embeddings = new FeatureSets();
        int skipped = 0;
        boolean warm = false;
        for (int i = 0; i < images.size(); i++) {
            EvaluationImage image = images.get(i);
            BufferedImage photo;
            HoleMask mask;
            try {
                photo = PhotoReader.read(image.photo()).image();
                mask = image.masks().mask(photo.getWidth(), photo.getHeight());
            } catch (IOException | IllegalArgumentException e) {
                progress.accept("warning: " + image.name() + " skipped: " + e.getMessage());
                skipped++;
                continue;
            }
            for (int size : settings.sizes()) {
                Dimension d = EvaluationScaling.size(photo.getWidth(), photo.getHeight(), size);
                BufferedImage scaled = EvaluationScaling.photo(photo, d);
                HoleMask hole = EvaluationScaling.mask(mask, d);
                if (hole.isEmpty()) {
                    progress.accept("warning: " + image.name() + " at " + size + ": no hole left at this size; skipped");
                    continue;
                }
                if (!warm) {
                    warmUp(scaled, hole);
                    warm = true;
                }
                if (features != null) {
                    embeddings.addOriginal(size, features.extract(scaled));
                }
                HoleCrops crop = i < settings.cropPhotos() ? new HoleCrops(scaled, hole) : null;
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s at %dx%d (hole %.1f%%%s):",
                        image.name(), d.width, d.height, 100 * hole.holeFraction(),
                        d.width > photo.getWidth() ? ", up-scaled from " + photo.getWidth() + "x" + photo.getHeight() : ""));
                for (EvaluationMethod method : methods) {
                    Outcome outcome = runner.run(method, scaled, hole);
                    Scores scores = outcome.image() == null ? Scores.NONE : Scores.of(scaled, outcome.image(), hole);
                    rows.add(new EvaluationRow(image.name(), size, d.width, d.height, 100 * hole.holeFraction(),
                            method.name(), outcome, scores));
                    if (features != null && outcome.image() != null) {
                        embeddings.addResult(size, method.name(), features.extract(outcome.image()));
                    }
                    if (crop != null) {
                        crop.add(method.name(), outcome);
                    }
                    line.append(' ').append(method.name()).append(' ').append(outcome.image() != null
                            ? String.format(Locale.ROOT, "%.2f s", outcome.seconds()) : outcome.status().label());
                }
                progress.accept(line.toString());
                if (crop != null) {
                    String name = CROPS + "/" + image.name() + "-" + size + ".png";
                    Files.createDirectories(reportDir.resolve(name).getParent());
                    crop.write(reportDir.resolve(name));
                    crops.add(name);
                }
            }
        }
        List<FidAndIs> setScores = features == null ? null : embeddings.scores();
        ResultsCsv.write(rows, setScores, reportDir);
        List<String> charts = rows.isEmpty() ? List.of() : EvaluationCharts.write(rows, reportDir);
        ResultsMarkdown.write(rows, setScores, context, charts, crops, reportDir);
        return new Totals(images.size(), skipped, count(rows, Outcome.Status.OK), count(rows, Outcome.Status.FAILED),
                count(rows, Outcome.Status.TIMEOUT));
    }

    /** One untimed call per method, so that class loading, JIT and engine start-up are not timed. */
    private void warmUp(BufferedImage photo, HoleMask hole) {
        for (EvaluationMethod method : methods) {
            runner.run(method, photo, hole);
        }
    }

    private static int count(List<EvaluationRow> rows, Outcome.Status status) {
        return (int) rows.stream().filter(r -> r.outcome().status() == status).count();
    }
}
