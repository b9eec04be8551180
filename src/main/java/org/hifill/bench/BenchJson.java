package org.hifill.bench;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

/**
 * The JSON of the benchmarks: one line per result on a child's standard output, indented in a
 * report file. Numbers must be finite (Gson refuses NaN and infinities).
 */
public final class BenchJson {

    private static final Gson LINE = new Gson();
    private static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().create();

    private BenchJson() {}

    /** One line, for a parent process to read. */
    public static String line(Object value) {
        return LINE.toJson(value);
    }

    /** Indented, for people and files. */
    public static String pretty(Object value) {
        return PRETTY.toJson(value) + "\n";
    }

    /**
     * @return the value, or null for empty text
     * @throws JsonParseException if the text is not JSON of that shape
     */
    public static <T> T parse(String text, Class<T> type) {
        return LINE.fromJson(text, type);
    }
}
