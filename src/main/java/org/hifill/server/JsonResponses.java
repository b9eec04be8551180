package org.hifill.server;

import com.google.gson.Gson;
import io.javalin.http.Context;
import java.util.Map;

/** The API's JSON answers: data, and errors as {@code {"error": "one sentence"}}. */
final class JsonResponses {

    private static final Gson GSON = new Gson();

    private JsonResponses() {}

    static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(GSON.toJson(body));
    }

    static void error(Context ctx, ApiError e) {
        e.retryAfterSeconds().ifPresent(s -> ctx.header("Retry-After", Integer.toString(s)));
        json(ctx, e.status(), Map.of("error", e.getMessage()));
    }

    /** 500 with nothing of the cause for the client; the cause goes to the server's log. */
    static void internal(Context ctx, Throwable cause) {
        System.err.println("hifill serve: internal error on " + ctx.method() + " " + ctx.path() + ": " + cause);
        if (System.getenv("HIFILL_DEBUG") != null) {
            cause.printStackTrace();
        }
        json(ctx, 500, Map.of("error", "internal error"));
    }
}
