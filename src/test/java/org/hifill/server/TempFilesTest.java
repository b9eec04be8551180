package org.hifill.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploads stay in memory: good, bad, oversized and abandoned requests leave nothing in the
 * temporary folder (here a test folder, as java.io.tmpdir while the server runs).
 */
class TempFilesTest {

    @Test
    void noRequestLeavesATemporaryFile(@TempDir Path tmp) throws Exception {
        String originalTmp = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", tmp.toString());
        try (TestServer server = TestServer.start(TestModels.grey(),
                new ServerLimits(4_000_000, ServerLimits.megabytes(8), 1, 1))) {
            // Noise does not compress: a photo of several MB, over Jetty's usual in-memory part size.
            byte[] noisy = TestImages.encode(noise(1200, 900), "png");
            byte[] mask = TestImages.encode(TestImages.mask(1200, 900, TestImages.HOLE), "png");
            assertThat(noisy.length).isGreaterThan(2 * 1024 * 1024);

            assertThat(server.inpaint(new Multipart().file("image", "n.png", noisy).file("mask", "m.png", mask))
                    .statusCode()).isEqualTo(200);
            assertThat(server.inpaint(new Multipart().file("image", "n.png", noisy).file("mask", "m.png",
                    TestImages.encode(TestImages.mask(100, 100, TestImages.HOLE), "png"))).statusCode()).isEqualTo(400);
            assertThat(server.inpaint(new Multipart().file("image", "a.png", noisy).file("image2", "b.png", noisy)
                    .file("mask", "m.png", noisy)).statusCode()).isEqualTo(413);
            abandonHalfWay(server, new Multipart().file("image", "n.png", noisy).file("mask", "m.png", mask).bytes());
            TestServer.await("every request is finished", () -> server.server.requestsInFlight() == 0);

            try (Stream<Path> files = Files.walk(tmp)) {
                assertThat(files.filter(p -> !p.equals(tmp))).isEmpty();
            }
        } finally {
            System.setProperty("java.io.tmpdir", originalTmp);
        }
    }

    /** Sends the headers and half the body, then closes the connection. */
    private static void abandonHalfWay(TestServer server, byte[] body) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/inpaint HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + Multipart.CONTENT_TYPE
                    + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, body.length / 2);
            out.flush();
            Thread.sleep(200);
        }
    }

    private static java.awt.image.BufferedImage noise(int w, int h) {
        var image = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
        SplittableRandom random = new SplittableRandom(7);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        return image;
    }
}
