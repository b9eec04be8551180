package org.hifill.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.hifill.model.weights.Provenance;
import org.hifill.pipeline.Inpainter;
import org.hifill.pipeline.LowResolutionModel;

/** A real server on an ephemeral port of the loopback address, and a client for it. */
final class TestServer implements AutoCloseable {

    final Inpainter inpainter;
    final InpaintServer server;
    final HttpClient client = HttpClient.newHttpClient();

    private TestServer(Inpainter inpainter, ServerLimits limits) {
        this.inpainter = inpainter;
        ServerInfo info = new ServerInfo("test-model", Provenance.randomInit("test"), "test-version", limits);
        this.server = InpaintServer.start(inpainter, info, "127.0.0.1", 0);
    }

    static TestServer start(LowResolutionModel model, ServerLimits limits) {
        return new TestServer(Inpainter.of(model), limits);
    }

    static TestServer start(Inpainter inpainter, ServerLimits limits) {
        return new TestServer(inpainter, limits);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> inpaint(Multipart body) throws IOException, InterruptedException {
        return inpaintAsync(body).join();
    }

    CompletableFuture<HttpResponse<byte[]>> inpaintAsync(Multipart body) {
        HttpRequest request = HttpRequest.newBuilder(uri("/api/inpaint"))
                .header("Content-Type", Multipart.CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()))
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Waits (up to a minute, polling) for a condition the server reaches on its own threads. */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 1000 && !condition.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
        if (!condition.getAsBoolean()) {
            throw new AssertionError("gave up waiting until " + what);
        }
    }

    @Override
    public void close() {
        server.close();
        inpainter.close();
    }
}
