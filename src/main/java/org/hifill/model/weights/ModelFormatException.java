package org.hifill.model.weights;

import java.io.IOException;
import java.nio.file.Path;

/** A model directory or weight file that cannot be used, with a one-line reason naming it. */
public class ModelFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public ModelFormatException(Path where, String problem) {
        super(where + ": " + problem);
    }

    public ModelFormatException(Path where, String problem, Throwable cause) {
        super(where + ": " + problem, cause);
    }
}
