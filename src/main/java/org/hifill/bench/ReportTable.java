package org.hifill.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A bench report in Markdown: how it was measured, the generator's forward pass, and a table with
 * a row per photo size and a column per stage (median ms), then the peak resident memory.
 */
public final class ReportTable {

    static final String NA = "n/a";
    static final String SIZE = "size";
    static final String PEAK_RSS = "peak RSS";

    private ReportTable() {}

    public static String markdown(BenchReport report) {
        StringBuilder md = new StringBuilder("## hifill bench report\n\n");
        md.append("- date: ").append(report.date()).append('\n');
        md.append("- machine: ").append(report.machine().describe()).append('\n');
        md.append("- inpainting: ").append(settings(report.sizes().get(0))).append('\n');
        GeneratorTimings g = report.generator();
        if (g != null) {
            md.append(String.format(Locale.ROOT, "- generator forward pass at %s: %s ms (median of %s)%n",
                    g.label(), millis(g.medianMillis()), runs(g.runs(), g.warmup())));
        }
        md.append("\nMedian milliseconds per stage; peak RSS of the process that measured the size.\n\n");
        md.append(table(report, (t, stage) -> millis(t.millis(stage)), t -> gib(t.peakRssKib())).render());
        return md.toString();
    }

    /** How the photos were inpainted, from one size's measurement (all sizes are measured alike). */
    static String settings(InpaintTimings t) {
        return String.format(Locale.ROOT, "synthetic JPEG photo, %.0f%% free-form hole, strategy %s, %s out, "
                + "model: %s; medians of %s", 100 * t.hole(), t.strategy(),
                String.valueOf(t.outputFormat()).toUpperCase(Locale.ROOT), t.model(), runs(t.runs(), t.warmup()));
    }

    /** "5 runs after 1 warm-up". */
    private static String runs(int runs, int warmup) {
        return runs + (runs == 1 ? " run" : " runs") + " after " + warmup + " warm-up";
    }

    /** A table of a report's sizes: a row per size with its label, a cell per stage, and its memory cell. */
    static MarkdownTable table(BenchReport report, BiFunction<InpaintTimings, String, String> stageCell,
            Function<InpaintTimings, String> memoryCell) {
        List<String> stages = stages(report);
        List<String> header = new ArrayList<>();
        header.add(SIZE);
        header.addAll(stages);
        header.add(PEAK_RSS);
        MarkdownTable table = new MarkdownTable(header);
        for (InpaintTimings t : report.sizes()) {
            List<String> row = new ArrayList<>();
            row.add(t.label());
            stages.forEach(stage -> row.add(stageCell.apply(t, stage)));
            row.add(memoryCell.apply(t));
            table.add(row);
        }
        return table;
    }

    /** The stages of a report: the usual ones in order, then any others it has. */
    static List<String> stages(BenchReport report) {
        Set<String> stages = new LinkedHashSet<>(InpaintTimings.STAGES);
        report.sizes().forEach(t -> stages.addAll(t.medianMillis().keySet()));
        return List.copyOf(stages);
    }

    /** Milliseconds: one decimal below 10, none above. */
    static String millis(double ms) {
        return Double.isNaN(ms) ? NA : String.format(Locale.ROOT, ms < 10 ? "%.1f" : "%.0f", ms);
    }

    /** KiB as GiB with two decimals. */
    static String gib(long kib) {
        return kib < 0 ? NA : String.format(Locale.ROOT, "%.2f GiB", kib / 1024.0 / 1024.0);
    }
}
