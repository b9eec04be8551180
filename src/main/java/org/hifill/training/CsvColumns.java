package org.hifill.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A run's CSV file read back as numeric columns (header names; empty or non-numeric cells as NaN). */
final class CsvColumns {

    private final List<String> names;
    private final double[][] columns;

    private CsvColumns(List<String> names, double[][] columns) {
        this.names = names;
        this.columns = columns;
    }

    /** Reads {@code file}; a missing file reads as no rows. */
    static CsvColumns read(Path file, String header) throws IOException {
        List<String> names = List.of(header.split(","));
        List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of(header);
        double[][] columns = new double[names.size()][Math.max(0, lines.size() - 1)];
        for (int r = 1; r < lines.size(); r++) {
            String[] cells = lines.get(r).split(",", -1);
            for (int c = 0; c < names.size(); c++) {
                columns[c][r - 1] = c < cells.length ? number(cells[c]) : Double.NaN;
            }
        }
        return new CsvColumns(names, columns);
    }

    int rows() {
        return columns.length == 0 ? 0 : columns[0].length;
    }

    /** The column named {@code name} in the header. */
    double[] column(String name) {
        int c = names.indexOf(name);
        if (c < 0) {
            throw new IllegalArgumentException("no column '" + name + "' in " + names);
        }
        return columns[c];
    }

    /** Whether the column has a number in some row. */
    boolean hasValues(String name) {
        for (double v : column(name)) {
            if (!Double.isNaN(v)) {
                return true;
            }
        }
        return false;
    }

    private static double number(String cell) {
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
