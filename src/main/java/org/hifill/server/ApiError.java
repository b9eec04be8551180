package org.hifill.server;

import java.util.OptionalInt;

/** A request the API refuses: an HTTP status and one plain sentence for the client. */
final class ApiError extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final OptionalInt retryAfterSeconds;

    private ApiError(int status, String message, OptionalInt retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** 400: the upload cannot be inpainted as sent. */
    static ApiError badRequest(String message) {
        return new ApiError(400, message, OptionalInt.empty());
    }

    /** 404: no API route answers this method and path. */
    static ApiError notFound(String route) {
        return new ApiError(404, "no API route " + route + "; the routes are POST /api/inpaint, GET /api/health "
                + "and GET /api/info", OptionalInt.empty());
    }

    /** 413: the upload or the photo is over the server's limits. */
    static ApiError tooLarge(String message) {
        return new ApiError(413, message, OptionalInt.empty());
    }

    /** 429: every worker is busy and the queue is full. */
    static ApiError busy(int retryAfterSeconds) {
        return new ApiError(429, "the server is busy: every worker is taken and the queue is full; try again shortly",
                OptionalInt.of(retryAfterSeconds));
    }

    int status() {
        return status;
    }

    OptionalInt retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
