package org.hifill.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Wall time spent in each named stage, in the order the stages first ran; thread-safe. */
public final class StageTimes {

    public static final String DOWN_SAMPLE = "down-sample";
    public static final String NETWORK = "network";
    public static final String AGGREGATION = "aggregation";
    public static final String COMPOSITE = "composite";

    private final Map<String, Long> nanos = new LinkedHashMap<>();

    /** Adds the time since {@code startNanos} (from {@link System#nanoTime()}) to a stage. */
    public synchronized void add(String stage, long startNanos) {
        nanos.merge(stage, System.nanoTime() - startNanos, Long::sum);
    }

    /** Adds another record's times. */
    public synchronized void addAll(StageTimes other) {
        other.asMillis().forEach((k, v) -> nanos.merge(k, Math.round(v * 1e6), Long::sum));
    }

    /** Stage name to milliseconds. */
    public synchronized Map<String, Double> asMillis() {
        Map<String, Double> out = new LinkedHashMap<>();
        nanos.forEach((k, v) -> out.put(k, v / 1e6));
        return Collections.unmodifiableMap(out);
    }
}
