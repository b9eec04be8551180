package org.hifill.bench;

import java.util.List;
import java.util.Map;
import org.hifill.pipeline.StageTimes;

/**
 * What {@code hifill bench inpaint} measured at one photo size: the median milliseconds of each
 * stage of the file-to-file path over the timed runs, and the peak resident memory of its process.
 *
 * @param model the model directory used, or {@value #RANDOM_WEIGHTS}
 * @param medianMillis stage name to median milliseconds, in the order the stages ran
 * @param peakRssKib the process's VmHWM in KiB, -1 if unknown
 */
public record InpaintTimings(int width, int height, double hole, String strategy, String outputFormat, int runs,
        int warmup, String model, Map<String, Double> medianMillis, long peakRssKib) {

    public static final String RANDOM_WEIGHTS = "random weights";
    public static final String DECODE = "decode";
    public static final String READ_MASK = "read mask";
    public static final String ENCODE = "encode";
    public static final String TOTAL = "total";

    /** Every stage the benchmark times, in order. */
    public static final List<String> STAGES = List.of(DECODE, READ_MASK, StageTimes.DOWN_SAMPLE, StageTimes.NETWORK,
            StageTimes.AGGREGATION, StageTimes.COMPOSITE, ENCODE, TOTAL);

    /** "W x H". */
    public String label() {
        return width + " x " + height;
    }

    /** The median milliseconds of a stage, or NaN if it was not timed. */
    public double millis(String stage) {
        Double ms = medianMillis.get(stage);
        return ms == null ? Double.NaN : ms;
    }

    /** Whether another measurement is of a photo of the same size. */
    public boolean sameSize(InpaintTimings other) {
        return width == other.width && height == other.height;
    }
}
