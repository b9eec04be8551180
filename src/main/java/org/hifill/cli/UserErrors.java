package org.hifill.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into one line on standard error and a non-zero exit code. Problems with the
 * user's files and arguments (I/O errors, bad formats, invalid values) exit with 1 and no stack
 * trace; anything else is a bug, reported with its trace when {@code HIFILL_DEBUG} is set.
 */
final class UserErrors implements IExecutionExceptionHandler {

    static final int USER_ERROR = 1;
    static final int INTERNAL_ERROR = 70;

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult) {
        var err = cmd.getErr();
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof IOException || cause instanceof IllegalArgumentException) {
            err.println("hifill: " + oneLine(cause));
            return USER_ERROR;
        }
        err.println("hifill: internal error: " + oneLine(cause)
                + (System.getenv("HIFILL_DEBUG") == null ? " (set HIFILL_DEBUG=1 for details)" : ""));
        if (System.getenv("HIFILL_DEBUG") != null) {
            cause.printStackTrace(err);
        }
        return INTERNAL_ERROR;
    }

    /**
     * The first line of the message. A {@link FileSystemException} without a reason has only the
     * file name as its message; the problem is then named after its kind.
     */
    static String oneLine(Throwable t) {
        if (t instanceof FileSystemException f && f.getFile() != null && f.getReason() == null) {
            String problem = t instanceof NoSuchFileException ? "not found"
                    : t instanceof AccessDeniedException ? "permission denied"
                    : t instanceof FileAlreadyExistsException ? "already exists, and is not a folder"
                    : t instanceof NotDirectoryException ? "not a folder"
                    : t instanceof DirectoryNotEmptyException ? "folder not empty"
                    : t.getClass().getSimpleName();
            return f.getFile() + (f.getOtherFile() == null ? "" : " -> " + f.getOtherFile()) + ": " + problem;
        }
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            m = t.getClass().getSimpleName();
        }
        return m.lines().findFirst().orElse(m);
    }
}
