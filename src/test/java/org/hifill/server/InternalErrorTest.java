package org.hifill.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A bug in the pipeline: the client learns only that it failed; the server's log says what. */
class InternalErrorTest {

    @Test
    void aFailingModelIs500WithNothingInternalAndALogLine() throws Exception {
        PrintStream originalErr = System.err;
        var log = new ByteArrayOutputStream();
        HttpResponse<byte[]> response;
        try (TestServer server = TestServer.start(TestModels.failing(), ServerLimits.defaults())) {
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
            response = server.inpaint(TestImages.upload());
        } finally {
            System.setErr(originalErr);
        }

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"error\":\"internal error\"}");
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("hifill serve: internal error on POST /api/inpaint")
                .contains("secret internal detail");
    }
}
