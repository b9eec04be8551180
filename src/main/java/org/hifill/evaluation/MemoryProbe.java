package org.hifill.evaluation;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The memory one method call takes, measured from inside the process (Linux):
 * <ul>
 *   <li>resident memory: the kernel's high-water mark of the process ({@code VmHWM}), reset to the
 *       current size just before the call by writing 5 to {@code /proc/self/clear_refs}; read after
 *       it, it is the peak during the call. It counts native memory (the engine's tensors,
 *       OpenCV's images) and newly touched Java heap, but not heap pages that earlier calls had
 *       already touched; without the reset, {@code VmRSS} sampled every few milliseconds stands in.
 *   <li>Java heap: the largest heap occupancy sampled during the call, above the occupancy after
 *       a collection just before it. It includes garbage not yet collected, so it bounds the
 *       call's live heap from above.
 * </ul>
 * Everything the process does meanwhile counts, including a worker abandoned at a time limit.
 */
final class MemoryProbe {

    /** What one call took, in MB (10^6 bytes); NaN where the system does not tell. */
    record Use(double residentBefore, double residentPeak, double heapPeak) {

        /** Resident memory added at the peak of the call. */
        double residentGrowth() {
            return Math.max(0, residentPeak - residentBefore);
        }
    }

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");
    private static final long SAMPLE_MILLIS = 5;
    private static final double MB = 1e6;

    private final MemoryMXBean heap = ManagementFactory.getMemoryMXBean();
    private final boolean highWaterReset;
    private final double residentBefore;
    private final long heapBefore;
    private final Thread sampler;
    private volatile boolean running = true;
    private volatile long heapPeak;
    private volatile double residentSampled;

    private MemoryProbe() {
        System.gc();
        highWaterReset = resetHighWaterMark();
        residentBefore = statusKb("VmRSS:") * 1024 / MB;
        heapBefore = heap.getHeapMemoryUsage().getUsed();
        heapPeak = heapBefore;
        residentSampled = residentBefore;
        sampler = new Thread(this::sample, "hifill-eval-memory");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Starts measuring (after a garbage collection). */
    static MemoryProbe start() {
        return new MemoryProbe();
    }

    /** Stops measuring and says what the call took. */
    Use stop() {
        running = false;
        sampler.interrupt();
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sampleOnce();
        double peak = highWaterReset ? statusKb("VmHWM:") * 1024 / MB : residentSampled;
        return new Use(residentBefore, peak, (heapPeak - heapBefore) / MB);
    }

    private void sample() {
        while (running) {
            sampleOnce();
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sampleOnce() {
        heapPeak = Math.max(heapPeak, heap.getHeapMemoryUsage().getUsed());
        if (!highWaterReset) {
            residentSampled = Math.max(residentSampled, statusKb("VmRSS:") * 1024 / MB);
        }
    }

    private static boolean resetHighWaterMark() {
        try {
            Files.writeString(CLEAR_REFS, "5");
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** A field of /proc/self/status in kB, or NaN. */
    private static double statusKb(String field) {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(field)) {
                    return Double.parseDouble(line.substring(field.length()).replace("kB", "").trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Not Linux: unknown.
        }
        return Double.NaN;
    }
}
