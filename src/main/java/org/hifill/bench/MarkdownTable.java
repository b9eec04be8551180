package org.hifill.bench;

import java.util.ArrayList;
import java.util.List;

/** A Markdown table: the first column left-aligned (row names), the others right-aligned (numbers). */
final class MarkdownTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    MarkdownTable(List<String> header) {
        this.header = List.copyOf(header);
    }

    /** Adds a row of as many cells as the header has. */
    MarkdownTable add(List<String> cells) {
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException(cells.size() + " cells for " + header.size() + " columns");
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    String render() {
        StringBuilder md = new StringBuilder(line(header));
        md.append("|---|").append("--:|".repeat(header.size() - 1)).append('\n');
        rows.forEach(r -> md.append(line(r)));
        return md.toString();
    }

    private static String line(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }
}
