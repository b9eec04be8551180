package org.hifill.evaluation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@value #FILE}: the paper's Table 2 laid out for this run (per size: each method's mean L1,
 * MS-SSIM, FID and IS, with time and peak memory per photo), then the hole scores, the failures,
 * the charts, the crops and how things were measured. FID and IS need a feature model: without
 * one they are shown as n/a, never guessed.
 */
final class ResultsMarkdown {

    static final String FILE = "results.md";
    private static final String NA = "n/a";
    private static final String NO_FEATURE_MODEL = "FID and IS: n/a, as no feature model was given "
            + "(--feature-model FILE); they are never estimated without one.";
    private static final String FEATURE_SCORES = "FID: Frechet distance between Gaussians fitted to the feature "
            + "model's features of the method's results and of the original photos at that size (Heusel et al. "
            + "2017). IS: exp of the mean KL divergence of each result's class probabilities (softmax of the "
            + "model's logits) from their mean (Salimans et al. 2016); n/a if the model gives no logits. With "
            + "n photos and D features the fitted covariances have rank at most n - 1: FID is defined from 2 "
            + "photos on, but strongly biased upwards when n is small next to D (e.g. 11 photos and 2048 "
            + "features), so compare methods only at the same n and with the same model, never with published "
            + "values (computed over tens of thousands of images); IS over few photos is likewise biased.";

    private ResultsMarkdown() {}

    /**
     * @param setScores FID and IS per size and method; null without a feature model
     * @param context lines on what was run (photos, masks, model...), shown as a list
     * @param crops the crop pictures, relative to the report folder
     */
    static void write(List<EvaluationRow> rows, List<FidAndIs> setScores, List<String> context, List<String> charts,
            List<String> crops, Path dir) throws IOException {
        List<Summary> summaries = Summary.of(rows);
        StringBuilder md = new StringBuilder("# hifill eval\n\n");
        context.forEach(line -> md.append("- ").append(line).append('\n'));
        md.append("\n## Table 2 layout\n\n")
                .append("Means over the photos each method filled. L1: mean absolute error over the whole photo, ")
                .append("0-255 scale. ").append(setScores == null ? NO_FEATURE_MODEL : FEATURE_SCORES)
                .append(" Time: mean wall time per photo. Peak memory: the largest resident memory a call added ")
                .append("(see below).\n");
        int size = -1;
        for (Summary s : summaries) {
            if (s.size() != size) {
                size = s.size();
                md.append("\n### ").append(size).append(" px (long side)\n\n")
                        .append("| method | L1 | MS-SSIM | FID | IS | time (s) | peak memory (MB) | runs |\n")
                        .append("|---|--:|--:|--:|--:|--:|--:|---|\n");
            }
            String msSsim = n(s.means().msSsim(), 4)
                    + (s.msSsimKnown() > 0 && s.msSsimKnown() < s.ok() ? " (" + s.msSsimKnown() + " of " + s.ok() + ")" : "");
            FidAndIs set = FidAndIs.find(setScores == null ? List.of() : setScores, s.size(), s.method());
            md.append(row(s.method(), n(s.means().l1(), 2), msSsim, n(set.fid(), 2), n(set.inceptionScore(), 3),
                    n(s.seconds(), 3), n(s.residentGrowth(), 0), s.runsText()));
        }
        md.append("\n## Hole and structure scores\n\n")
                .append("| size | method | L1 hole | PSNR (dB) | PSNR hole (dB) | SSIM |\n")
                .append("|--:|---|--:|--:|--:|--:|\n");
        for (Summary s : summaries) {
            md.append(row(Integer.toString(s.size()), s.method(), n(s.means().l1Hole(), 2), n(s.means().psnr(), 2),
                    n(s.means().psnrHole(), 2), n(s.means().ssim(), 4)));
        }
        List<EvaluationRow> failures = rows.stream().filter(r -> !r.ok()).toList();
        md.append("\n## Failures and timeouts\n\n");
        if (failures.isEmpty()) {
            md.append("None.\n");
        } else {
            md.append("| image | size | method | status | what happened |\n|---|--:|---|---|---|\n");
            failures.forEach(r -> md.append(row(r.image(), Integer.toString(r.size()), r.method(),
                    r.outcome().status().label(), r.outcome().error())));
        }
        md.append("\n## Charts\n\n");
        charts.forEach(c -> md.append("![").append(c).append("](").append(c).append(")\n\n"));
        if (!crops.isEmpty()) {
            md.append("## The hole, side by side\n\n");
            crops.forEach(c -> md.append("- [").append(c).append("](").append(c).append(")\n"));
            md.append('\n');
        }
        md.append("""
                ## How it was measured

                - Each photo is brought to each size (long side; area averaging down, bicubic up), its mask \
                nearest-neighbour; every method fills the same scaled photo and hole, and is scored against it.
                - Each call runs in a worker thread with the time limit; a call that throws or runs out of \
                time is reported here and the run goes on. Each method first runs once, untimed, as a warm-up.
                - Time: wall time of the call. Memory: the process's resident high-water mark during the \
                call (reset before it through /proc/self/clear_refs) minus its resident size before it: \
                native memory plus newly touched Java heap. results.csv also has the peak itself and the \
                Java heap occupancy sampled every 5 ms.
                - MS-SSIM needs photos of at least 176 px on the short side (5 scales of an 11 px window): \
                n/a below that; "(k of n)" marks a mean over the k photos large enough.
                """);
        ReportFiles.writeAtomically(dir.resolve(FILE), md.toString());
    }

    private static String n(double value, int decimals) {
        return ReportFiles.number(value, decimals, NA);
    }

    private static String row(String... cells) {
        StringBuilder sb = new StringBuilder("|");
        for (String cell : cells) {
            sb.append(' ').append(cell.replace("|", "\\|").replace('\n', ' ')).append(" |");
        }
        return sb.append('\n').toString();
    }
}
