package org.hifill.bench;

/**
 * What {@code hifill bench model} measured: the generator's forward pass at one input size.
 *
 * @param model the model directory used, or {@value InpaintTimings#RANDOM_WEIGHTS}
 */
public record GeneratorTimings(int height, int width, int runs, int warmup, String model, double medianMillis,
        double minMillis, double maxMillis, double gflopPerSecond) {

    public static GeneratorTimings of(GeneratorBenchmark.Result r, int warmup, String model) {
        return new GeneratorTimings(r.height(), r.width(), r.millis().length, warmup, model, r.median(), r.min(), r.max(),
                r.gflopPerSecond());
    }

    /** "W x H". */
    public String label() {
        return width + " x " + height;
    }
}
