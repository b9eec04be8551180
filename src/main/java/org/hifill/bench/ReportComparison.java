package org.hifill.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A new bench report against a previous one, in Markdown: per size and stage the ratio new /
 * previous (below 1x: faster, or less memory), and what differs between the two runs: another
 * machine first and in bold, then the software and the settings.
 */
public final class ReportComparison {

    private ReportComparison() {}

    /** @param previousName how to call the previous report (its file) */
    public static String markdown(BenchReport now, BenchReport previous, String previousName) {
        StringBuilder md = new StringBuilder("## Compared with ").append(previousName)
                .append("\n\nRatios new / previous: below 1x is faster (or less memory).\n\n");
        md.append("- previous report: ").append(previous.date()).append(", ").append(previous.machine().describe()).append('\n');
        List<String> hardware = hardwareDifferences(previous.machine(), now.machine());
        md.append(hardware.isEmpty() ? "- same machine (CPU model, cores and memory)\n"
                : "- **the previous report came from another machine** (" + String.join("; ", hardware)
                        + "): the ratios compare the machines as well as the code\n");
        List<String> conditions = conditionDifferences(previous, now);
        if (!conditions.isEmpty()) {
            md.append("- measured differently: ").append(String.join("; ", conditions)).append('\n');
        }
        if (now.generator() != null) {
            md.append("- generator forward pass at ").append(now.generator().label()).append(": ")
                    .append(generatorRatio(now.generator(), previous.generator())).append('\n');
        }
        List<String> dropped = previous.sizes().stream().filter(p -> find(now, p).isEmpty())
                .map(InpaintTimings::label).toList();
        if (!dropped.isEmpty()) {
            md.append("- in the previous report only: ").append(String.join(", ", dropped)).append('\n');
        }
        md.append('\n').append(ReportTable.table(now,
                (t, stage) -> find(previous, t).map(p -> ratio(t.millis(stage), p.millis(stage))).orElse(ReportTable.NA),
                t -> find(previous, t).map(p -> ratio(t.peakRssKib(), p.peakRssKib())).orElse(ReportTable.NA))
                .render());
        return md.toString();
    }

    /** "0.92x"; n/a when either value is unknown or the previous one is not positive. */
    static String ratio(double now, double previous) {
        if (Double.isNaN(now) || Double.isNaN(previous) || now < 0 || !(previous > 0)) {
            return ReportTable.NA;
        }
        return String.format(Locale.ROOT, "%.2fx", now / previous);
    }

    /** CPU model, cores and memory (to the GiB): what makes it another machine. */
    static List<String> hardwareDifferences(Machine then, Machine now) {
        List<String> differences = new ArrayList<>();
        differ(differences, "CPU", then.cpu(), now.cpu());
        differ(differences, "cores", then.cores(), now.cores());
        if (Math.round(then.memoryKib() / 1048576.0) != Math.round(now.memoryKib() / 1048576.0)) {
            differences.add("memory: " + then.memory() + " then, " + now.memory() + " now");
        }
        return differences;
    }

    /** Software and settings that change the timings on the same machine. */
    static List<String> conditionDifferences(BenchReport then, BenchReport now) {
        List<String> differences = new ArrayList<>();
        differ(differences, "system", then.machine().os(), now.machine().os());
        differ(differences, "Java", then.machine().java(), now.machine().java());
        differ(differences, "OMP_WAIT_POLICY", then.machine().ompWaitPolicy(), now.machine().ompWaitPolicy());
        InpaintTimings a = then.sizes().get(0);
        InpaintTimings b = now.sizes().get(0);
        differ(differences, "model", a.model(), b.model());
        differ(differences, "hole", a.hole(), b.hole());
        differ(differences, "strategy", a.strategy(), b.strategy());
        differ(differences, "output format", a.outputFormat(), b.outputFormat());
        differ(differences, "runs", a.runs(), b.runs());
        differ(differences, "warm-up runs", a.warmup(), b.warmup());
        return differences;
    }

    private static String generatorRatio(GeneratorTimings now, GeneratorTimings previous) {
        if (previous == null) {
            return "not in the previous report";
        }
        if (previous.height() != now.height() || previous.width() != now.width()) {
            return "n/a (" + previous.label() + " in the previous report)";
        }
        return ratio(now.medianMillis(), previous.medianMillis());
    }

    private static Optional<InpaintTimings> find(BenchReport report, InpaintTimings size) {
        return report.sizes().stream().filter(size::sameSize).findFirst();
    }

    private static void differ(List<String> into, String what, Object then, Object now) {
        if (!Objects.equals(then, now)) {
            into.add(what + ": " + then + " then, " + now + " now");
        }
    }
}
