package org.hifill.evaluation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/** Text files of a report, written whole or not at all; number formats shared by the CSV and the table. */
public final class ReportFiles {

    private ReportFiles() {}

    /** Writes {@code text} to a temporary file beside {@code file} and renames it over it. */
    public static void writeAtomically(Path file, String text) throws IOException {
        Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** A number with {@code decimals} places; {@code inf} for infinity and {@code empty} for NaN. */
    static String number(double value, int decimals, String empty) {
        if (Double.isNaN(value)) {
            return empty;
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
