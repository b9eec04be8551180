package org.hifill.evaluation;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.hifill.pipeline.HoleMask;

/**
 * Runs a method on one photo in a worker thread, waiting at most the time limit. A method that
 * throws or runs out of time gives an outcome that says so, and the evaluation goes on. A worker
 * past its limit is interrupted and abandoned; native code (the engine, OpenCV) cannot be
 * stopped, so it keeps its core busy until it finishes, which slows the calls after it; it is
 * remembered, so that what it uses is not closed under it.
 */
final class TimeLimitedRun {

    private final Duration limit;
    private final List<Thread> abandoned = new ArrayList<>();

    TimeLimitedRun(Duration limit) {
        this.limit = limit;
    }

    /** Whether a worker abandoned at the time limit is still running. */
    boolean workersStillRunning() {
        return abandoned.stream().anyMatch(Thread::isAlive);
    }

    Outcome run(EvaluationMethod method, BufferedImage photo, HoleMask mask) {
        AtomicLong nanos = new AtomicLong();
        FutureTask<BufferedImage> task = new FutureTask<>(() -> {
            long start = System.nanoTime();
            try {
                return method.fill(photo, mask);
            } finally {
                nanos.set(System.nanoTime() - start);
            }
        });
        Thread worker = new Thread(task, "hifill-eval-" + method.name());
        worker.setDaemon(true);
        MemoryProbe probe = MemoryProbe.start();
        worker.start();
        try {
            BufferedImage image = task.get(limit.toNanos(), TimeUnit.NANOSECONDS);
            MemoryProbe.Use memory = probe.stop();
            double seconds = nanos.get() / 1e9;
            if (image == null || image.getWidth() != photo.getWidth() || image.getHeight() != photo.getHeight()) {
                return new Outcome(Outcome.Status.FAILED, null, seconds, memory, "returned "
                        + (image == null ? "no image" : "a " + image.getWidth() + "x" + image.getHeight() + " image"));
            }
            return new Outcome(Outcome.Status.OK, image, seconds, memory, null);
        } catch (TimeoutException e) {
            task.cancel(true);
            abandoned.add(worker);
            return new Outcome(Outcome.Status.TIMEOUT, null, limit.toNanos() / 1e9, probe.stop(),
                    "no result within " + Durations.format(limit));
        } catch (ExecutionException e) {
            return new Outcome(Outcome.Status.FAILED, null, nanos.get() / 1e9, probe.stop(), oneLine(e.getCause()));
        } catch (InterruptedException e) {
            task.cancel(true);
            probe.stop();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + method.name() + " ran", e);
        }
    }

    private static String oneLine(Throwable t) {
        String m = t.getMessage();
        String text = m == null || m.isBlank() ? t.getClass().getSimpleName()
                : t instanceof RuntimeException && !(t instanceof IllegalArgumentException)
                        ? t.getClass().getSimpleName() + ": " + m : m;
        return text.lines().findFirst().orElse(text);
    }
}
