package org.hifill.image;

import java.io.IOException;
import java.nio.file.Path;

/** A photo or mask that cannot be read, with a one-line reason naming the file (or upload). */
public class ImageFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public ImageFormatException(Path file, String problem) {
        this(file.toString(), problem);
    }

    public ImageFormatException(Path file, String problem, Throwable cause) {
        this(file.toString(), problem, cause);
    }

    /** @param source what stands for the image in the message: a file's path, or an upload's name */
    public ImageFormatException(String source, String problem) {
        super(source + ": " + problem);
    }

    public ImageFormatException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
    }
}
