package org.hifill.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file of a training run with a header line and one row per step (first column). On a resumed
 * run, rows past the checkpoint's step (logged after it, before the interruption) are dropped, so
 * that the resumed run's rows follow on without repeats.
 */
final class CsvLog {

    private final Path file;

    private CsvLog(Path file) {
        this.file = file;
    }

    /** Opens the log at step {@code step}: a new file with the header, or an existing one cut back to it. */
    static CsvLog open(Path file, String header, long step) throws IOException {
        List<String> kept = new ArrayList<>();
        kept.add(header);
        if (Files.exists(file)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(header)) {
                throw new IOException(file + ": not a log of this kind (its first line is not '" + header + "')");
            }
            for (String line : lines.subList(1, lines.size())) {
                if (stepOf(file, line) <= step) {
                    kept.add(line);
                }
            }
        }
        Files.write(file, kept, StandardCharsets.UTF_8);
        return new CsvLog(file);
    }

    /** Appends one line. */
    void append(String row) throws IOException {
        Files.writeString(file, row + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    private static long stepOf(Path file, String line) throws IOException {
        int comma = line.indexOf(',');
        try {
            return Long.parseLong(comma < 0 ? line : line.substring(0, comma));
        } catch (NumberFormatException e) {
            throw new IOException(file + ": a row does not start with a step number: " + line, e);
        }
    }
}
