package org.hifill.server;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.InputStream;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.hifill.pipeline.Inpainter;

/**
 * {@code POST /api/inpaint}: admits the request (429 when full) before reading its upload, checks
 * the upload, queues the job and answers when it is done. The result is encoded in full on the
 * worker, so an error never follows a partly sent image. If the client goes away, a queued job is
 * dropped and a running one stops at its next stage.
 */
final class InpaintRoute implements Handler {

    static final long DISCARD_LIMIT = 64L * 1024 * 1024;

    private final Inpainter inpainter;
    private final WorkerPool pool;
    private final ServerLimits limits;
    private final ClientDisconnect disconnects;

    InpaintRoute(Inpainter inpainter, WorkerPool pool, ServerLimits limits, ClientDisconnect disconnects) {
        this.inpainter = inpainter;
        this.pool = pool;
        this.limits = limits;
        this.disconnects = disconnects;
    }

    @Override
    public void handle(Context ctx) throws ApiError {
        try {
            InpaintUpload.checkLength(ctx, limits);
        } catch (ApiError e) {
            discardBody(ctx);
            throw e;
        }
        var slot = pool.tryAdmit();
        if (slot.isEmpty()) {
            discardBody(ctx);
            throw ApiError.busy(pool.retryAfterSeconds());
        }
        WorkerPool.Admission admission = slot.get();
        CompletableFuture<EncodedImage> result = null;
        try {
            InpaintUpload upload = InpaintUpload.read(ctx, limits);
            result = admission.submit(new InpaintJob(inpainter, upload), new Cancellation());
        } finally {
            // Whatever failed before the job was queued (Jetty may throw checked exceptions unannounced).
            if (result == null) {
                admission.close();
            }
        }
        CompletableFuture<EncodedImage> queued = result;
        disconnects.watch(ctx, queued);
        ctx.future(() -> queued.handle((image, failure) -> {
            respond(ctx, image, failure);
            return null;
        }));
    }

    /**
     * Reads and drops the body of a refused request, up to {@value #DISCARD_LIMIT} bytes: a client
     * still sending would otherwise see the connection reset instead of the answer. Past that the
     * connection is closed and the client may see only the reset.
     */
    private static void discardBody(Context ctx) {
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] buffer = new byte[64 * 1024];
            long read = 0;
            for (int n; read < DISCARD_LIMIT && (n = in.read(buffer)) >= 0; ) {
                read += n;
            }
        } catch (Exception e) {
            // The client is gone or the body is broken: nothing to answer to anyway.
        }
    }

    private static void respond(Context ctx, EncodedImage image, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause == null) {
            ctx.status(200).contentType(image.mediaType()).result(image.bytes());
        } else if (cause instanceof ApiError e) {
            JsonResponses.error(ctx, e);
        } else if (!(cause instanceof CancellationException)) {
            JsonResponses.internal(ctx, cause);
        }
        // Cancelled: the client is gone, nothing is encoded or sent.
    }
}
