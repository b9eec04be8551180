package org.hifill.training.data;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.hifill.masks.MaskGenerator;

/**
 * Training batches built by background threads ahead of the training step: random crops of the
 * photos with random masks.
 *
 * <p>Reproducible whatever the thread timing: batch b draws everything from a Random seeded by
 * (seed, b), photos are taken epoch by epoch in an order shuffled from (seed, epoch), and batches
 * are handed out in index order. So a seed gives the same sequence of batches with any number of
 * threads.
 *
 * <p>A photo that cannot be read fails the batch it is in: {@link #next()} throws the reader's
 * one-line error naming the file. The training photos are a fixed, checked selection, and
 * skipping a photo would silently change every batch after it.
 */
public final class BatchLoader implements AutoCloseable {

    static final String THREAD_PREFIX = "hifill-batches-";
    private static final long BATCH_STREAM = 1;
    private static final long EPOCH_STREAM = 2;

    private final List<Path> photos;
    private final RandomCrops crops;
    private final MaskGenerator masks;
    private final LoaderOptions options;
    private final PhotoCache cache;
    private final List<Thread> threads = new ArrayList<>();

    /** Guards the fields below. */
    private final Object lock = new Object();
    /** Built batches (or their failures) not yet handed out, by index. */
    private final Map<Long, Object> ready = new HashMap<>();
    private long nextToBuild;
    private long nextToHand;
    private boolean closed;

    public BatchLoader(PhotoDataset photos, RandomCrops crops, MaskGenerator masks, LoaderOptions options) {
        this(photos, crops, masks, options, 0);
    }

    /** A loader whose first batch is batch {@code first} of the sequence (to resume a run). */
    public BatchLoader(PhotoDataset photos, RandomCrops crops, MaskGenerator masks, LoaderOptions options, long first) {
        if (first < 0) {
            throw new IllegalArgumentException("the first batch index must not be negative, not " + first);
        }
        this.nextToBuild = first;
        this.nextToHand = first;
        this.photos = photos.files();
        this.crops = crops;
        this.masks = masks;
        this.options = options;
        this.cache = new PhotoCache(options.cacheBytes());
        for (int t = 0; t < options.threads(); t++) {
            Thread thread = new Thread(this::work, THREAD_PREFIX + t);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /** The next batch in order, waiting for it if need be. */
    public Batch next() throws IOException {
        Object result;
        synchronized (lock) {
            while (!closed && !ready.containsKey(nextToHand)) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while waiting for a training batch");
                }
            }
            if (closed) {
                throw new IllegalStateException("the batch loader is closed");
            }
            result = ready.remove(nextToHand++);
            lock.notifyAll();
        }
        if (result instanceof IOException e) {
            throw e;
        }
        if (result instanceof RuntimeException e) {
            throw e;
        }
        return (Batch) result;
    }

    /** Stops the threads, after each finishes the batch it is building. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void work() {
        while (true) {
            long index;
            synchronized (lock) {
                while (!closed && nextToBuild >= nextToHand + options.batchesAhead()) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                index = nextToBuild++;
            }
            Object result;
            try {
                result = build(index);
            } catch (IOException | RuntimeException e) {
                result = e;
            }
            synchronized (lock) {
                ready.put(index, result);
                lock.notifyAll();
            }
        }
    }

    /** Batch {@code index}: a function of the seed and the index only. */
    Batch build(long index) throws IOException {
        Random random = new Random(derive(options.seed(), BATCH_STREAM, index));
        List<float[]> images = new ArrayList<>();
        List<float[]> holes = new ArrayList<>();
        long epoch = -1;
        int[] order = null;
        for (int i = 0; i < options.batchSize(); i++) {
            long sample = index * options.batchSize() + i;
            if (sample / photos.size() != epoch) {
                epoch = sample / photos.size();
                order = shuffled(photos.size(), new Random(derive(options.seed(), EPOCH_STREAM, epoch)));
            }
            Path photo = photos.get(order[(int) (sample % photos.size())]);
            images.add(crops.random(cache.get(photo), random));
            holes.add(masks.next(crops.size(), random).toArray());
        }
        return Batch.pack(crops.size(), images, holes);
    }

    private static int[] shuffled(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /**
     * A seed for item {@code index} of a stream, mixed by MurmurHash3's 64-bit finaliser so that
     * neighbouring indices give unrelated Randoms.
     */
    public static long derive(long seed, long stream, long index) {
        long h = seed * 0x9E3779B97F4A7C15L + stream * 0xC2B2AE3D27D4EB4FL + index;
        h = (h ^ (h >>> 33)) * 0xFF51AFD7ED558CCDL;
        h = (h ^ (h >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return h ^ (h >>> 33);
    }
}
