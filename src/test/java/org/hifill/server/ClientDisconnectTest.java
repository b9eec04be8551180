package org.hifill.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A client that goes away while its job waits in the queue: the job never runs and its slot is freed. */
class ClientDisconnectTest {

    @Test
    void aQueuedJobWhoseClientClosedTheConnectionNeverRuns() throws Exception {
        var model = new TestModels.Gated(TestModels.grey());
        try (TestServer t = TestServer.start(model, new ServerLimits(1_000_000, 10_000_000, 1, 1))) {
            CompletableFuture<HttpResponse<byte[]>> running = t.inpaintAsync(TestImages.upload());
            TestServer.await("the first job is in the network", () -> model.entered() == 1);

            byte[] body = TestImages.upload().bytes();
            try (Socket socket = new Socket("127.0.0.1", t.server.port())) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/inpaint HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + Multipart.CONTENT_TYPE
                        + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                TestServer.await("the second job is queued", () -> t.server.requestsInFlight() == 2);
            }
            TestServer.await("the queued job is dropped", () -> t.server.requestsInFlight() == 1);
            model.open();

            assertThat(running.join().statusCode()).isEqualTo(200);
            assertThat(t.server.jobsStarted()).isEqualTo(1);
            assertThat(model.entered()).isEqualTo(1);
            assertThat(t.inpaint(TestImages.upload()).statusCode()).as("the freed slot takes a new request")
                    .isEqualTo(200);
        }
    }
}
