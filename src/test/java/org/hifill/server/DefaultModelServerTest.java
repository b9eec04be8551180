package org.hifill.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hifill.image.PhotoReader;
import org.hifill.pipeline.Inpainter;
import org.junit.jupiter.api.Test;

/** The bundled model behind the API, on the bundled sample: the README's curl command, in-process. */
class DefaultModelServerTest {

    private static final Path PHOTO = Path.of("samples/one-stands-out.jpg");
    private static final Path MASK = Path.of("samples/one-stands-out-mask.png");

    @Test
    void fillsTheSampleAtFullSizeLeavingFarPixelsAsTheyWere() throws Exception {
        BufferedImage photo = PhotoReader.read(PHOTO).image();
        HttpResponse<byte[]> response;
        try (TestServer server = TestServer.start(Inpainter.load(Path.of("models/default")), ServerLimits.defaults())) {
            response = server.inpaint(new Multipart().file("image", "photo.jpg", Files.readAllBytes(PHOTO))
                    .file("mask", "mask.png", Files.readAllBytes(MASK)).field("format", "png"));
        }

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
        BufferedImage result = TestImages.decode(response.body());
        assertThat(result.getWidth()).isEqualTo(photo.getWidth());
        assertThat(result.getHeight()).isEqualTo(photo.getHeight());
        assertThat(result.getRGB(10, 10)).as("far from the hole").isEqualTo(photo.getRGB(10, 10));
        assertThat(result.getRGB(photo.getWidth() - 10, photo.getHeight() - 10)).as("far from the hole")
                .isEqualTo(photo.getRGB(photo.getWidth() - 10, photo.getHeight() - 10));
    }
}
