package org.hifill.model.weights.checkpoint;

import java.io.IOException;
import java.nio.file.Path;

/** A checkpoint file is missing, malformed, or holds something this reader does not support. */
public class CheckpointFormatException extends IOException {

    private final Path file;

    /** Builds the one-line message {@code "<file>: <problem>"}. */
    public CheckpointFormatException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    /** The file the problem was found in (or that was missing). */
    public Path file() {
        return file;
    }
}
