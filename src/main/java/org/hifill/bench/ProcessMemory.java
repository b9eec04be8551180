package org.hifill.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The memory of this process as the kernel counts it (Linux). */
public final class ProcessMemory {

    private ProcessMemory() {}

    /** VmHWM of /proc/self/status: the peak resident set of this process in KiB, or -1 where the system does not tell. */
    public static long peakResidentKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Not Linux: unknown.
        }
        return -1;
    }
}
