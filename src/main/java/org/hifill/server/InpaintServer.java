package org.hifill.server;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.staticfiles.Location;
import java.util.Map;
import org.hifill.pipeline.Inpainter;

/**
 * The HTTP server of {@code hifill serve}: the API under {@code /api} and the web page (the
 * classpath folder {@code web/}) at {@code /}. One inpainter, loaded once, serves every worker.
 */
public final class InpaintServer implements AutoCloseable {

    private final Javalin app;
    private final WorkerPool pool;
    private final ClientDisconnect disconnects;

    private InpaintServer(Javalin app, WorkerPool pool, ClientDisconnect disconnects) {
        this.app = app;
        this.pool = pool;
        this.disconnects = disconnects;
    }

    /**
     * Starts serving; port 0 picks a free one ({@link #port()}).
     *
     * @param inpainter shared by all workers (it is thread-safe); the caller closes it after the server
     */
    public static InpaintServer start(Inpainter inpainter, ServerInfo info, String host, int port) {
        ServerLimits limits = info.limits();
        WorkerPool pool = new WorkerPool(limits.workers(), limits.queue());
        ClientDisconnect disconnects = new ClientDisconnect();
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            // Uploads stay in memory up to the limit, so that no temporary file is ever written.
            int maxBytes = (int) limits.maxUploadBytes();
            config.jetty.multipartConfig.maxInMemoryFileSize(maxBytes, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxFileSize(maxBytes, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(maxBytes, SizeUnit.BYTES);
            config.http.maxRequestSize = maxBytes;
            config.staticFiles.add("/web", Location.CLASSPATH);
            config.routes.get("/api/health", ctx -> JsonResponses.json(ctx, 200, Map.of("status", "ok")));
            config.routes.get("/api/info", ctx -> JsonResponses.json(ctx, 200, info.asJson()));
            config.routes.post("/api/inpaint", new InpaintRoute(inpainter, pool, limits, disconnects));
            config.routes.error(404, ctx -> {
                if (ctx.path().startsWith("/api/")) {
                    JsonResponses.error(ctx, ApiError.notFound(ctx.method() + " " + ctx.path()));
                }
            });
            config.routes.exception(ApiError.class, (e, ctx) -> JsonResponses.error(ctx, e));
            config.routes.exception(Exception.class, (e, ctx) -> JsonResponses.internal(ctx, e));
        });
        try {
            app.start(host, port);
        } catch (RuntimeException e) {
            pool.close();
            disconnects.close();
            throw e;
        }
        return new InpaintServer(app, pool, disconnects);
    }

    public int port() {
        return app.port();
    }

    /** Jobs begun so far, for tests of cancellation. */
    int jobsStarted() {
        return pool.started();
    }

    /** Requests admitted and not finished, for tests of cancellation. */
    int requestsInFlight() {
        return pool.inFlight();
    }

    @Override
    public void close() {
        app.stop();
        pool.close();
        disconnects.close();
    }
}
