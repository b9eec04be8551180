package org.hifill.evaluation;

import java.awt.image.BufferedImage;

/**
 * What one method did on one photo: its result, or why there is none.
 *
 * @param image the filled photo; null unless {@code status} is OK
 * @param seconds wall time of the method's call (the time limit for a timeout)
 * @param error one line on what went wrong, or null
 */
record Outcome(Status status, BufferedImage image, double seconds, MemoryProbe.Use memory, String error) {

    enum Status {
        OK, FAILED, TIMEOUT;

        /** Lower-case, as in the CSV. */
        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
