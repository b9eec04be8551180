package org.hifill.server;

import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed number of workers behind a bounded queue. A request is admitted (or refused) as it
 * arrives, before its upload is read, so that at most workers + queue uploads are in memory at
 * once; the executor's own queue never holds more than the admitted.
 */
final class WorkerPool implements AutoCloseable {

    /** A job of the pool: runs on a worker, checking its cancellation between stages. */
    interface Job<T> {
        T run(Cancellation cancellation) throws Exception;
    }

    private final Semaphore slots;
    private final ThreadPoolExecutor executor;
    private final int workers;
    private final int admitted;
    private final AtomicInteger started = new AtomicInteger();
    /** Exponential average of job times, for Retry-After; starts at 10 s, a 4K photo on a small CPU. */
    private volatile double averageSeconds = 10;

    WorkerPool(int workers, int queue) {
        this.workers = workers;
        this.admitted = workers + queue;
        this.slots = new Semaphore(admitted);
        AtomicInteger count = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                task -> {
                    Thread t = new Thread(task, "hifill-worker-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** A slot for one request, or empty when every worker is busy and the queue is full. */
    Optional<Admission> tryAdmit() {
        return slots.tryAcquire() ? Optional.of(new Admission()) : Optional.empty();
    }

    /** Seconds until a slot is likely free: a full round of the admitted jobs at the average time, at least 1. */
    int retryAfterSeconds() {
        return (int) Math.max(1, Math.ceil(averageSeconds * admitted / workers));
    }

    /** Jobs that have begun to run (cancelled jobs that were skipped in the queue do not count). */
    int started() {
        return started.get();
    }

    /** Requests admitted and not yet finished. */
    int inFlight() {
        return admitted - slots.availablePermits();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** One admitted request's slot; freed once, when its job ends or the request fails before it. */
    final class Admission implements AutoCloseable {

        private final AtomicBoolean released = new AtomicBoolean();

        /**
         * Queues the job. Cancelling the returned future sets {@code cancellation}: a job still
         * waiting is taken out of the queue and never runs; a running one stops at its next check.
         */
        <T> CompletableFuture<T> submit(Job<T> job, Cancellation cancellation) {
            CompletableFuture<T> result = new CompletableFuture<>();
            Runnable task = () -> {
                try {
                    cancellation.check();
                    started.incrementAndGet();
                    long start = System.nanoTime();
                    result.complete(job.run(cancellation));
                    averageSeconds = 0.8 * averageSeconds + 0.2 * (System.nanoTime() - start) / 1e9;
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                } finally {
                    close();
                }
            };
            executor.execute(task);
            result.whenComplete((r, t) -> {
                // Cancelled from outside: a job still queued is dropped and its slot freed now; a running
                // one stops at its next check.
                if (t instanceof CancellationException) {
                    cancellation.cancel();
                    if (executor.remove(task)) {
                        close();
                    }
                }
            });
            return result;
        }

        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                slots.release();
            }
        }
    }
}
