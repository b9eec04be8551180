package org.hifill.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * One method at one size over all photos: the means of the scores and of the time over the
 * photos it filled, the largest memory use, and how many runs failed or ran out of time. A score
 * known for only some photos (MS-SSIM needs 176 px) is the mean over those;
 * {@code msSsimKnown} counts them.
 */
record Summary(int size, String method, int ok, int failed, int timedOut, Scores means, int msSsimKnown,
        double seconds, double residentGrowth, double heapPeak) {

    /** "3 ok", "2 ok, 1 timeout". */
    String runsText() {
        List<String> parts = new ArrayList<>();
        parts.add(ok + " ok");
        if (failed > 0) {
            parts.add(failed + " failed");
        }
        if (timedOut > 0) {
            parts.add(timedOut + " timeout");
        }
        return String.join(", ", parts);
    }

    /** One summary per size and method: sizes ascending, methods in the order they ran. */
    static List<Summary> of(List<EvaluationRow> rows) {
        Map<String, List<EvaluationRow>> groups = new LinkedHashMap<>();
        rows.stream().sorted(Comparator.comparingInt(EvaluationRow::size))
                .forEach(r -> groups.computeIfAbsent(r.size() + "\n" + r.method(), k -> new ArrayList<>()).add(r));
        List<Summary> summaries = new ArrayList<>();
        for (List<EvaluationRow> group : groups.values()) {
            List<EvaluationRow> ok = group.stream().filter(EvaluationRow::ok).toList();
            Scores means = new Scores(mean(ok, r -> r.scores().l1()), mean(ok, r -> r.scores().l1Hole()),
                    mean(ok, r -> r.scores().psnr()), mean(ok, r -> r.scores().psnrHole()),
                    mean(ok, r -> r.scores().ssim()), mean(ok, r -> r.scores().msSsim()));
            summaries.add(new Summary(group.get(0).size(), group.get(0).method(), ok.size(),
                    count(group, Outcome.Status.FAILED), count(group, Outcome.Status.TIMEOUT), means,
                    (int) ok.stream().filter(r -> !Double.isNaN(r.scores().msSsim())).count(),
                    mean(ok, r -> r.outcome().seconds()),
                    max(ok, r -> r.outcome().memory().residentGrowth()), max(ok, r -> r.outcome().memory().heapPeak())));
        }
        return summaries;
    }

    private static int count(List<EvaluationRow> rows, Outcome.Status status) {
        return (int) rows.stream().filter(r -> r.outcome().status() == status).count();
    }

    /** Mean of the values that are known; NaN if none is. */
    private static double mean(List<EvaluationRow> rows, ToDoubleFunction<EvaluationRow> value) {
        return rows.stream().mapToDouble(value).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
    }

    private static double max(List<EvaluationRow> rows, ToDoubleFunction<EvaluationRow> value) {
        return rows.stream().mapToDouble(value).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
    }
}
