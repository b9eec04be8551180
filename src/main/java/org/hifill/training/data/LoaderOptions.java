package org.hifill.training.data;

/**
 * How {@link BatchLoader} works.
 *
 * @param batchSize crops per batch (paper: 8; release: 4)
 * @param seed the seed every batch's randomness derives from
 * @param threads background threads decoding photos and building batches
 * @param batchesAhead batches built (or being built) ahead of the one asked for
 * @param cacheBytes memory for decoded photos
 */
public record LoaderOptions(int batchSize, long seed, int threads, int batchesAhead, long cacheBytes) {

    public LoaderOptions {
        if (batchSize < 1 || threads < 1 || batchesAhead < 1 || cacheBytes < 0) {
            throw new IllegalArgumentException("batch size, threads and batches ahead must be at least 1 and the cache"
                    + " not negative, not " + batchSize + ", " + threads + ", " + batchesAhead + " and " + cacheBytes);
        }
    }

    /** Two threads, four batches ahead, 1 GiB of decoded photos (the 22 training photos take 0.3 GiB). */
    public static LoaderOptions of(int batchSize, long seed) {
        return new LoaderOptions(batchSize, seed, 2, 4, 1L << 30);
    }

    /** These options with another number of threads, and at least one batch ahead per thread. */
    public LoaderOptions withThreads(int count) {
        return new LoaderOptions(batchSize, seed, count, Math.max(batchesAhead, count), cacheBytes);
    }
}
