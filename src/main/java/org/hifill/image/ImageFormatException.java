package org.hifill.image;

import java.io.IOException;
import java.nio.file.Path;

/** A photo or mask that cannot be read, with a one-line reason naming the file. */
public class ImageFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public ImageFormatException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public ImageFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
