package org.hifill.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
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

    private static String oneLine(Throwable t) {
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            m = t.getClass().getSimpleName();
        }
        return m.lines().findFirst().orElse(m);
    }
}
