package org.hifill.cli;

import java.util.ArrayList;
import java.util.List;

/** The {@code --sizes} option of eval and bench report: long sides in pixels, as "512,1024,2048". */
final class SizeList {

    static final int MIN_SIZE = 16;
    static final int MAX_SIZE = 16384;

    private SizeList() {}

    /** Whole numbers in range, each once; returned ascending. */
    static List<Integer> parse(String text) {
        List<Integer> list = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            int size;
            try {
                size = Integer.parseInt(part.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--sizes takes whole numbers separated by commas, such as "
                        + "512,1024,2048, not '" + text + "'");
            }
            if (size < MIN_SIZE || size > MAX_SIZE) {
                throw new IllegalArgumentException("each of --sizes must be between " + MIN_SIZE + " and " + MAX_SIZE
                        + " pixels, not " + size);
            }
            if (list.contains(size)) {
                throw new IllegalArgumentException("--sizes gives " + size + " twice");
            }
            list.add(size);
        }
        list.sort(null);
        return list;
    }
}
