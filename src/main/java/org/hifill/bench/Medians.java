package org.hifill.bench;

import java.util.Arrays;
import java.util.Collection;

/** The median of a sample: the middle value, or the mean of the two middle values. */
public final class Medians {

    private Medians() {}

    /** @throws IllegalArgumentException for no values */
    public static double of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to take the median of");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    public static double of(Collection<Double> values) {
        return of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
