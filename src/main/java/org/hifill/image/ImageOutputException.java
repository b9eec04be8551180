package org.hifill.image;

import java.io.IOException;
import java.nio.file.Path;

/** An output image that cannot be written where or as asked, with a one-line reason naming the file. */
public class ImageOutputException extends IOException {

    private static final long serialVersionUID = 1L;

    public ImageOutputException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public ImageOutputException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
