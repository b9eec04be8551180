package org.hifill.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The API's answers, good and bad, from a server with a cheap scripted network stage. */
class InpaintApiTest {

    private static final ServerLimits LIMITS = new ServerLimits(1_000_000, ServerLimits.megabytes(1), 1, 2);
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestModels.grey(), LIMITS);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void returnsThePhotoAtItsSizeChangedOnlyNearTheHole() throws Exception {
        BufferedImage photo = TestImages.photo(TestImages.W, TestImages.H);

        HttpResponse<byte[]> response = server.inpaint(TestImages.upload());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
        BufferedImage result = TestImages.decode(response.body());
        assertThat(result.getWidth()).isEqualTo(TestImages.W);
        assertThat(result.getHeight()).isEqualTo(TestImages.H);
        int changedInside = 0;
        var near = new java.awt.Rectangle(TestImages.HOLE);
        near.grow(8, 8);
        for (int y = 0; y < TestImages.H; y++) {
            for (int x = 0; x < TestImages.W; x++) {
                boolean same = result.getRGB(x, y) == photo.getRGB(x, y);
                if (!near.contains(x, y)) {
                    assertThat(same).as("pixel (%d, %d) far from the hole", x, y).isTrue();
                } else if (TestImages.HOLE.contains(x, y) && !same) {
                    changedInside++;
                }
            }
        }
        assertThat(changedInside).as("hole pixels changed").isGreaterThan(TestImages.HOLE.width * TestImages.HOLE.height / 2);
    }

    @Test
    void answersInThePhotosFormatUnlessAnotherIsAsked() throws Exception {
        byte[] jpeg = TestImages.encode(TestImages.photo(TestImages.W, TestImages.H), "jpeg");
        byte[] mask = TestImages.encode(TestImages.mask(TestImages.W, TestImages.H, TestImages.HOLE), "png");

        HttpResponse<byte[]> own = server.inpaint(new Multipart().file("image", "a.jpg", jpeg).file("mask", "m.png", mask));
        HttpResponse<byte[]> asked = server.inpaint(new Multipart().file("image", "a.jpg", jpeg)
                .file("mask", "m.png", mask).field("format", "png").field("strategy", "whole"));

        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(TestImages.decode(own.body()).getWidth()).isEqualTo(TestImages.W);
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.headers().firstValue("Content-Type")).hasValue("image/png");
    }

    @Test
    void aMissingMaskIs400NamingTheField() throws Exception {
        byte[] png = TestImages.encode(TestImages.photo(TestImages.W, TestImages.H), "png");

        assertError(server.inpaint(new Multipart().file("image", "a.png", png)), 400).contains("mask");
    }

    @Test
    void aBodyThatIsNotAMultipartUploadIs400() throws Exception {
        HttpResponse<byte[]> response = server.client.send(HttpRequest.newBuilder(server.uri("/api/inpaint"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertError(response, 400).contains("multipart/form-data");
    }

    @Test
    void anUnreadableImageIs400SayingWhatIsRead() throws Exception {
        byte[] text = "not a photo at all".getBytes(StandardCharsets.UTF_8);
        byte[] gif = "GIF89a......................".getBytes(StandardCharsets.US_ASCII);
        byte[] mask = TestImages.encode(TestImages.mask(TestImages.W, TestImages.H, TestImages.HOLE), "png");

        assertError(server.inpaint(new Multipart().file("image", "a.txt", text).file("mask", "m.png", mask)), 400)
                .startsWith("image: not an image").contains("JPEG, PNG, WebP");
        assertError(server.inpaint(new Multipart().file("image", "a.gif", gif).file("mask", "m.png", mask)), 400)
                .startsWith("image: unsupported format GIF");
    }

    @Test
    void aMaskOfAnotherSizeIs400EvenWithThePhotosAspectRatio() throws Exception {
        byte[] png = TestImages.encode(TestImages.photo(TestImages.W, TestImages.H), "png");
        byte[] square = TestImages.encode(TestImages.mask(200, 200, TestImages.HOLE), "png");
        byte[] half = TestImages.encode(TestImages.mask(TestImages.W / 2, TestImages.H / 2, TestImages.HOLE), "png");

        assertError(server.inpaint(new Multipart().file("image", "a.png", png).file("mask", "m.png", square)), 400)
                .isEqualTo("mask: 200x200, but the image is 320x240; send the mask at the photo's size (white = hole)");
        assertError(server.inpaint(new Multipart().file("image", "a.png", png).file("mask", "m.png", half)), 400)
                .isEqualTo("mask: 160x120, but the image is 320x240; send the mask at the photo's size (white = hole)");
    }

    @Test
    void aMaskCoveringAlmostAllThePhotoIs400() throws Exception {
        byte[] png = TestImages.encode(TestImages.photo(TestImages.W, TestImages.H), "png");
        byte[] all = TestImages.encode(TestImages.mask(TestImages.W, TestImages.H,
                new java.awt.Rectangle(0, 0, TestImages.W, TestImages.H)), "png");

        assertError(server.inpaint(new Multipart().file("image", "a.png", png).file("mask", "m.png", all)), 400)
                .contains("the mask covers 100.0% of the photo");
    }

    @Test
    void anUnknownStrategyOrFormatIs400NamingTheChoices() throws Exception {
        assertError(server.inpaint(TestImages.upload().field("strategy", "fast")), 400)
                .isEqualTo("strategy must be auto, whole or crop, not 'fast'");
        assertError(server.inpaint(TestImages.upload().field("format", "webp")), 400)
                .isEqualTo("format must be one of jpeg, png, bmp, tiff, not 'webp'");
    }

    @Test
    void anUploadOverTheLimitIs413() throws Exception {
        byte[] big = new byte[(int) ServerLimits.megabytes(1) + 1];

        assertError(server.inpaint(new Multipart().file("image", "big.png", big)), 413)
                .isEqualTo("the upload is over this server's limit of 1 MB");
    }

    @Test
    void aPhotoOverTheMaxPixelsIs413BeforeDecoding() throws Exception {
        byte[] png = TestImages.encode(TestImages.photo(1200, 900), "png");
        byte[] mask = TestImages.encode(TestImages.mask(1200, 900, TestImages.HOLE), "png");

        assertError(server.inpaint(new Multipart().file("image", "a.png", png).file("mask", "m.png", mask)), 413)
                .isEqualTo("image: 1200x900 is 1,080,000 pixels; this server takes at most 1,000,000");
    }

    @Test
    void aTinyPngDeclaringTenGigapixelsIsRefusedFromItsHeader() throws Exception {
        byte[] bomb = pngHeader(100_000, 100_000);
        byte[] mask = TestImages.encode(TestImages.mask(TestImages.W, TestImages.H, TestImages.HOLE), "png");

        assertThat(bomb.length).isLessThan(100);
        assertError(server.inpaint(new Multipart().file("image", "bomb.png", bomb).file("mask", "m.png", mask)), 413)
                .startsWith("image: 100000x100000 is 10,000,000,000 pixels");
    }

    @Test
    void healthIsOk() throws Exception {
        HttpResponse<byte[]> response = server.get("/api/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("status").getAsString()).isEqualTo("ok");
    }

    @Test
    void infoNamesTheModelVersionLimitsAndFormats() throws Exception {
        JsonObject info = json(server.get("/api/info"));

        assertThat(info.getAsJsonObject("model").get("name").getAsString()).isEqualTo("test-model");
        assertThat(info.getAsJsonObject("model").get("source").getAsString()).isEqualTo("random-init");
        assertThat(info.get("version").getAsString()).isEqualTo("test-version");
        JsonObject limits = info.getAsJsonObject("limits");
        assertThat(limits.get("maxPixels").getAsLong()).isEqualTo(1_000_000);
        assertThat(limits.get("maxUploadBytes").getAsLong()).isEqualTo(1024 * 1024);
        assertThat(limits.get("workers").getAsInt()).isEqualTo(1);
        assertThat(limits.get("queue").getAsInt()).isEqualTo(2);
        assertThat(info.get("readFormats").toString()).isEqualTo("[\"jpeg\",\"png\",\"webp\",\"bmp\",\"tiff\"]");
        assertThat(info.get("writeFormats").toString()).isEqualTo("[\"jpeg\",\"png\",\"bmp\",\"tiff\"]");
    }

    @Test
    void anUnknownApiRouteIs404InJsonNamingTheRoutes() throws Exception {
        assertError(server.get("/api/inpaint"), 404).isEqualTo("no API route GET /api/inpaint; the routes are "
                + "POST /api/inpaint, GET /api/health and GET /api/info");
        assertError(server.get("/api/nothing"), 404).startsWith("no API route GET /api/nothing;");
    }

    @Test
    void thePageIsServedAtTheRoot() throws Exception {
        HttpResponse<byte[]> response = server.get("/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    }

    /** Checks status and JSON shape; returns the error sentence for further checks. */
    static org.assertj.core.api.AbstractStringAssert<?> assertError(HttpResponse<byte[]> response, int status)
            throws IOException {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.statusCode()).as(body).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/json"));
        JsonObject json = JsonParser.parseString(body).getAsJsonObject();
        assertThat(json.keySet()).containsExactly("error");
        String message = json.get("error").getAsString();
        assertThat(message).doesNotContain("Exception", "\n", "org.hifill", "at java.");
        return assertThat(message);
    }

    private static JsonObject json(HttpResponse<byte[]> response) {
        return JsonParser.parseString(new String(response.body(), StandardCharsets.UTF_8)).getAsJsonObject();
    }

    /** The signature and IHDR chunk of an 8-bit RGB PNG of the given size, with no pixel data. */
    private static byte[] pngHeader(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII))
                .putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        var out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        out.writeBytes(ByteBuffer.allocate(4).putInt(13).array());
        out.writeBytes(ihdr.array());
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        return out.toByteArray();
    }
}
