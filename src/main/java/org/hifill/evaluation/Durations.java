package org.hifill.evaluation;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Time limits as people write them: {@code 120s}, {@code 2m}, {@code 500ms}, {@code 1h}, or plain seconds. */
public final class Durations {

    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min|h)?");

    private Durations() {}

    /**
     * @throws IllegalArgumentException unless the text is a positive number with an optional unit
     */
    public static Duration parse(String text) {
        Matcher m = FORM.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("a time limit is a number with an optional unit (ms, s, m, h), "
                    + "for example 120s, not '" + text + "'");
        }
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double millis = value * switch (unit) {
            case "ms" -> 1;
            case "s" -> 1_000;
            case "m", "min" -> 60_000;
            default -> 3_600_000;
        };
        if (!(millis >= 1)) {
            throw new IllegalArgumentException("a time limit must be at least 1 ms, not '" + text + "'");
        }
        return Duration.ofMillis(Math.round(millis));
    }

    /** Short text: {@code 250 ms}, {@code 120 s}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        return ms < 1000 ? ms + " ms" : ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1e3);
    }
}
