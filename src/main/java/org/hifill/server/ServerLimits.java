package org.hifill.server;

/**
 * What one server takes on.
 *
 * @param maxPixels the most pixels (width x height) of a photo or mask, checked from its header before decoding
 * @param maxUploadBytes the largest request body (photo, mask and fields together)
 * @param workers photos inpainted at once
 * @param queue requests admitted beyond the workers, waiting their turn; any more get 429
 */
public record ServerLimits(long maxPixels, long maxUploadBytes, int workers, int queue) {

    public static final long DEFAULT_MAX_PIXELS = 8192L * 8192;
    public static final int DEFAULT_MAX_UPLOAD_MB = 100;
    /** One: a forward pass already keeps every core of a small machine busy. */
    public static final int DEFAULT_WORKERS = 1;
    public static final int DEFAULT_QUEUE = 4;

    public ServerLimits {
        if (maxPixels < 1 || maxUploadBytes < 1 || workers < 1 || queue < 0) {
            throw new IllegalArgumentException("max pixels, max upload size and workers must be positive, "
                    + "and the queue zero or more");
        }
        if (maxUploadBytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("uploads are held in memory: the most is 2047 MB, not "
                    + maxUploadBytes / (1024 * 1024) + " MB");
        }
    }

    public static ServerLimits defaults() {
        return new ServerLimits(DEFAULT_MAX_PIXELS, megabytes(DEFAULT_MAX_UPLOAD_MB), DEFAULT_WORKERS, DEFAULT_QUEUE);
    }

    public static long megabytes(long mb) {
        return mb * 1024 * 1024;
    }

    /** Requests in memory at once: those being worked on and those waiting. */
    int admitted() {
        return workers + queue;
    }
}
