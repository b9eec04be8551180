package org.hifill.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The report of {@code hifill bench report}: when and where it ran, the generator's forward pass,
 * and the inpainting stages at each photo size (each size measured in a process of its own).
 *
 * @param date ISO-8601 date and time with offset
 * @param generator the forward pass, or null if it was not measured
 * @param sizes one measurement per photo size, smallest first
 */
public record BenchReport(String date, Machine machine, GeneratorTimings generator, List<InpaintTimings> sizes) {

    /** The report as indented JSON. */
    public String toJson() {
        return BenchJson.pretty(this);
    }

    /**
     * Reads a report written by {@link #toJson()}.
     *
     * @throws IOException if the file cannot be read or does not hold a report
     */
    public static BenchReport read(Path file) throws IOException {
        String text = Files.readString(file);
        BenchReport report;
        try {
            report = BenchJson.parse(text, BenchReport.class);
        } catch (RuntimeException e) {
            // JsonParseException, or what Gson lets through from a value of the wrong kind.
            throw notAReport(file, "malformed JSON (" + firstLine(e) + ")");
        }
        if (report == null) {
            throw notAReport(file, "the file is empty");
        }
        report.check(file);
        return report;
    }

    /** Checks what a comparison relies on: the machine, and every size with its stage timings. */
    private void check(Path file) throws IOException {
        if (machine == null) {
            throw notAReport(file, "no \"machine\"");
        }
        if (sizes == null || sizes.isEmpty()) {
            throw notAReport(file, "no \"sizes\"");
        }
        for (InpaintTimings t : sizes) {
            if (t == null || t.width() < 1 || t.height() < 1) {
                throw notAReport(file, "a size without \"width\" and \"height\"");
            }
            if (t.medianMillis() == null || t.medianMillis().isEmpty()) {
                throw notAReport(file, "no \"medianMillis\" at " + t.label());
            }
            for (Map.Entry<String, Double> e : t.medianMillis().entrySet()) {
                if (e.getValue() == null || !(e.getValue() >= 0) || e.getValue().isInfinite()) {
                    throw notAReport(file, "stage \"" + e.getKey() + "\" at " + t.label() + " has no time in ms");
                }
            }
        }
    }

    private static IOException notAReport(Path file, String problem) {
        return new IOException(file + ": not a bench report: " + problem);
    }

    private static String firstLine(Exception e) {
        Throwable t = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause() : e;
        String m = String.valueOf(t.getMessage());
        return m.lines().findFirst().orElse(m);
    }
}
