package org.hifill;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process's resident memory, for the native-memory tests. */
public final class ResidentMemory {

    private ResidentMemory() {}

    /** VmRSS in KiB after a garbage collection, so that uncollected Java garbage does not count. */
    public static long kib() throws IOException {
        System.gc();
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
