package org.hifill.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.imageio.ImageIO;
import org.assertj.core.data.Offset;
import org.hifill.pipeline.Inpainter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;
import org.openqa.selenium.interactions.WheelInput;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The page of hifill serve in headless Chromium, against the real server and the bundled model. */
class WebPageBrowserTest {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;
    /** A pure green square in the photo, found on screen to check where a click lands in the mask. */
    private static final Rectangle MARKER = new Rectangle(480, 120, 8, 8);
    /** Pixels this far from the painted hole must come back bit-identical (the feather is smaller). */
    private static final int UNCHANGED_BEYOND = 8;

    /** The page must refuse, before upload, a photo over this (640 x 480 is well under). */
    private static final long MAX_PIXELS = 1_000_000;

    @TempDir
    static Path dir;
    private static TestServer server;
    private static ChromeDriver browser;
    private static WebDriverWait wait;
    private static String pageUrl;
    private static Path photo;
    private static Path downloads;

    @BeforeAll
    static void start() throws IOException {
        if (!HeadlessChromium.installed()) {
            // Each test is then skipped (or, on CI, fails) with this reason, in openPhoto.
            System.err.println("WebPageBrowserTest: " + HeadlessChromium.missingMessage());
            return;
        }
        server = TestServer.start(Inpainter.load(Path.of("models/default")),
                new ServerLimits(MAX_PIXELS, ServerLimits.megabytes(100), 1, ServerLimits.DEFAULT_QUEUE));
        pageUrl = server.uri("/").toString();
        photo = dir.resolve("photo.png");
        ImageIO.write(structuredPhoto(), "png", photo.toFile());
        downloads = Files.createDirectories(dir.resolve("downloads"));
        browser = HeadlessChromium.start(dir.resolve("profile"), downloads);
        wait = new WebDriverWait(browser, Duration.ofSeconds(120));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void openPhoto() {
        HeadlessChromium.assumeInstalled();
        browser.get(pageUrl);
        byId("file-input").sendKeys(photo.toAbsolutePath().toString());
        wait.until(ExpectedConditions.textToBe(By.id("image-size"), WIDTH + " × " + HEIGHT));
    }

    @Test
    void paintedStrokeIsFilledAndDownloadedAtFullSizeWithFarPixelsUntouched() throws IOException {
        paintStrokeAcross(0);
        BufferedImage mask = mask();
        fill();
        byId("download-link").click();
        BufferedImage result = ImageIO.read(downloaded("photo-filled.png").toFile());
        BufferedImage input = ImageIO.read(photo.toFile());

        assertThat(result.getWidth()).isEqualTo(WIDTH);
        assertThat(result.getHeight()).isEqualTo(HEIGHT);
        assertThat(changedNear(input, result, dilate(holes(mask), UNCHANGED_BEYOND)))
                .as("pixels changed near the stroke").isGreaterThan(1000);
    }

    @Test
    void secondRoundFillsTheResultWithAFreshHistory() throws IOException {
        paintStrokeAcross(0);
        BufferedImage firstMask = mask();
        fill();
        BufferedImage first = resultImage();
        byId("continue-button").click();

        assertThat(byId("result-bar").isDisplayed()).isFalse();
        assertThat(byId("undo-button").isEnabled()).isFalse();
        assertThat(byId("run-button").isEnabled()).isFalse();
        assertThat(holeCount(mask())).isZero();

        paintStrokeAcross(150);
        BufferedImage secondMask = mask();
        fill();
        BufferedImage second = resultImage();
        BufferedImage input = ImageIO.read(photo.toFile());
        // The second result equals the first away from the second stroke, first fill included.
        assertThat(changedNear(first, second, dilate(holes(secondMask), UNCHANGED_BEYOND)))
                .as("pixels the second fill changed").isGreaterThan(1000);
        assertThat(changedNear(input, first, dilate(holes(firstMask), UNCHANGED_BEYOND)))
                .as("pixels the first fill changed").isGreaterThan(1000);
    }

    @Test
    void undoneStrokeLeavesAnEmptyMaskAndNothingToFillUntilRedone() {
        paintStrokeAcross(0);
        int painted = holeCount(mask());
        assertThat(painted).isGreaterThan(1000);

        new Actions(browser).keyDown(Keys.CONTROL).sendKeys("z")
                .keyUp(Keys.CONTROL).perform();
        assertThat(holeCount(mask())).isZero();
        assertThat(byId("run-button").isEnabled()).isFalse();

        byId("redo-button").click();
        assertThat(holeCount(mask())).isEqualTo(painted);
        assertThat(byId("run-button").isEnabled()).isTrue();
    }

    @Test
    void eraserKeyAndALargerBrushTakeTheWholeStrokeBackAndFillThenSendsNothing() {
        paintStrokeAcross(0);
        assertThat(holeCount(mask())).isGreaterThan(1000);

        new Actions(browser).sendKeys("e]]").perform();
        assertThat(byId("tool-eraser").getAttribute("aria-pressed")).isEqualTo("true");
        paintStrokeAcross(0);

        assertThat(holeCount(mask())).isZero();
        int jobsBefore = server.server.jobsStarted();
        byId("run-button").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Nothing is painted"));
        assertThat(server.server.jobsStarted()).isEqualTo(jobsBefore);
        assertThat(byId("result-bar").isDisplayed()).isFalse();
    }

    @Test
    void clickWhileZoomedAndPannedLandsInTheMaskOnThePhotoPixelsShownUnderThePointer() {
        WebElement stage = byId("stage");
        byId("zoom-in-button").click();
        new Actions(browser)
                .scrollFromOrigin(WheelInput.ScrollOrigin.fromElement(stage, 100, -50), 0, -300)
                .perform();
        rightDrag(stage, -60, 40);
        assertThat(byId("zoom-level").getText()).isNotEqualTo("100%");

        double[] marker = markerOnScreen(stage);
        int dx = (int) Math.round(marker[0] - stage.getSize().width / 2.0);
        int dy = (int) Math.round(marker[1] - stage.getSize().height / 2.0);
        new Actions(browser).moveToElement(stage, dx, dy).click().perform();

        double[] hole = holeCentre(mask());
        assertThat(hole[0]).isCloseTo(MARKER.getCenterX(), Offset.offset(1.5));
        assertThat(hole[1]).isCloseTo(MARKER.getCenterY(), Offset.offset(1.5));
    }

    @Test
    void photoOverTheServersPixelLimitIsRefusedBeforeUploadAndTheOpenPhotoKept() throws IOException {
        Path tooBig = dir.resolve("too-big.png");
        ImageIO.write(new BufferedImage(1280, 1024, BufferedImage.TYPE_INT_RGB), "png", tooBig.toFile());

        byId("file-input").sendKeys(tooBig.toAbsolutePath().toString());

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertThat(byId("error").getText()).contains("1280 × 1024").contains("at most 1.0 MP");
        assertThat(byId("image-size").getText()).isEqualTo(WIDTH + " × " + HEIGHT);
    }

    @Test
    void serversRefusalIsShownInThePageAndFillCanBePressedAgain() {
        byId("brush-size").sendKeys(Keys.END);
        for (int dy = -160; dy <= 160; dy += 160) {
            new Actions(browser).moveToElement(byId("stage"), -WIDTH / 2 - 20, dy).clickAndHold()
                    .moveToElement(byId("stage"), 0, dy)
                    .moveToElement(byId("stage"), WIDTH / 2 + 20, dy).release().perform();
        }
        byId("run-button").click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertThat(byId("error").getText()).contains("must be left as context");
        assertThat(byId("busy").isDisplayed()).isFalse();
        assertThat(byId("run-button").isEnabled()).isTrue();
    }

    @Test
    void busyServerIsReportedWithItsWaitAndFillSucceedsWhenPressedAgain() throws Exception {
        TestModels.Gated model = new TestModels.Gated(TestModels.grey());
        try (TestServer busy = TestServer.start(model, new ServerLimits(MAX_PIXELS, ServerLimits.megabytes(10), 1, 0))) {
            CompletableFuture<HttpResponse<byte[]>> occupying = busy.inpaintAsync(TestImages.upload());
            TestServer.await("the other job holds the only worker", () -> model.entered() == 1);
            browser.get(busy.uri("/").toString());
            byId("file-input").sendKeys(photo.toAbsolutePath().toString());
            wait.until(ExpectedConditions.textToBe(By.id("image-size"), WIDTH + " × " + HEIGHT));
            paintStrokeAcross(0);

            byId("run-button").click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
            assertThat(byId("error").getText()).contains("busy").containsPattern("retry in \\d+ s");

            model.open();
            assertThat(occupying.get().statusCode()).isEqualTo(200);
            fill();
            assertThat(byId("error").isDisplayed()).isFalse();
        }
    }

    // ---- The page ----

    private static WebElement byId(String id) {
        return browser.findElement(By.id(id));
    }

    /** A slightly slanting stroke across the fitted photo (shown at actual pixels), dy below its centre. */
    private static void paintStrokeAcross(int dy) {
        WebElement stage = byId("stage");
        Actions actions = new Actions(browser).moveToElement(stage, -120, dy).clickAndHold();
        for (int x = -100; x <= 120; x += 20) {
            actions.moveToElement(stage, x, dy + x / 10);
        }
        actions.release().perform();
    }

    /** Presses Fill and waits for the result. */
    private static void fill() {
        byId("run-button").click();
        wait.until(ExpectedConditions.attributeToBeNotEmpty(byId("download-link"), "href"));
    }

    private static void rightDrag(WebElement stage, int dx, int dy) {
        PointerInput mouse = new PointerInput(PointerInput.Kind.MOUSE, "right-drag");
        Sequence drag = new Sequence(mouse, 0)
                .addAction(mouse.createPointerMove(Duration.ZERO, PointerInput.Origin.fromElement(stage), 0, 0))
                .addAction(mouse.createPointerDown(PointerInput.MouseButton.RIGHT.asArg()))
                .addAction(mouse.createPointerMove(Duration.ofMillis(100), PointerInput.Origin.fromElement(stage), dx, dy))
                .addAction(mouse.createPointerUp(PointerInput.MouseButton.RIGHT.asArg()));
        browser.perform(List.of(drag));
    }

    /** The centre of the photo's green marker in a screenshot of the stage, in stage pixels. */
    private static double[] markerOnScreen(WebElement stage) {
        BufferedImage shot = decode(stage.getScreenshotAs(OutputType.BYTES));
        double sumX = 0;
        double sumY = 0;
        int count = 0;
        for (int y = 0; y < shot.getHeight(); y++) {
            for (int x = 0; x < shot.getWidth(); x++) {
                Color c = new Color(shot.getRGB(x, y));
                if (c.getGreen() > 200 && c.getRed() < 60 && c.getBlue() < 60) {
                    sumX += x + 0.5;
                    sumY += y + 0.5;
                    count++;
                }
            }
        }
        assertThat(count).as("marker pixels on screen").isGreaterThan(MARKER.width * MARKER.height);
        return new double[] {sumX / count, sumY / count};
    }

    /** The mask the page would send, at the photo's full size. */
    private static BufferedImage mask() {
        BufferedImage mask = decode(blob("window.hifill.maskBlob()"));
        assertThat(mask.getWidth()).isEqualTo(WIDTH);
        assertThat(mask.getHeight()).isEqualTo(HEIGHT);
        return mask;
    }

    /** The bytes behind the Download link, as the server sent them. */
    private static BufferedImage resultImage() {
        return decode(blob("fetch(document.getElementById('download-link').href).then((r) => r.blob())"));
    }

    /** The bytes of the blob that a page expression's promise resolves to. */
    private static byte[] blob(String promise) {
        Object base64 = browser.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + promise + ".then((blob) => {"
                + "  const reader = new FileReader();"
                + "  reader.onload = () => done(reader.result.split(',')[1]);"
                + "  reader.readAsDataURL(blob);"
                + "});");
        return Base64.getDecoder().decode((String) base64);
    }

    private static Path downloaded(String name) {
        Path file = downloads.resolve(name);
        // Chromium writes NAME.crdownload and renames it when complete.
        wait.until(driver -> Files.isRegularFile(file));
        return file;
    }

    // ---- Images ----

    /** Gradients, stripes and shapes, so that a fill has structure to continue; one green marker. */
    private static BufferedImage structuredPhoto() {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int r = 60 + x * 150 / WIDTH;
                int g = 70 + ((x / 16 + y / 16) % 2) * 40;
                int b = 90 + y * 120 / HEIGHT;
                image.setRGB(x, y, new Color(r, g, b).getRGB());
            }
        }
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(230, 120, 40));
        g.fillOval(80, 60, 160, 120);
        g.setColor(new Color(40, 40, 60));
        g.fillRect(360, 300, 200, 60);
        g.setColor(new Color(0, 255, 0));
        g.fill(MARKER);
        g.dispose();
        return image;
    }

    /** Asserts that after equals before wherever near is false; counts the pixels that differ where it is true. */
    private static int changedNear(BufferedImage before, BufferedImage after, boolean[] near) {
        int changed = 0;
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                boolean differs = (before.getRGB(x, y) & 0xFFFFFF) != (after.getRGB(x, y) & 0xFFFFFF);
                if (!near[y * WIDTH + x]) {
                    assertThat(differs).as("pixel (%d, %d) away from the stroke", x, y).isFalse();
                } else if (differs) {
                    changed++;
                }
            }
        }
        return changed;
    }

    private static boolean[] holes(BufferedImage mask) {
        boolean[] holes = new boolean[WIDTH * HEIGHT];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                holes[y * WIDTH + x] = (mask.getRGB(x, y) & 0xFF) > 127;
            }
        }
        return holes;
    }

    private static int holeCount(BufferedImage mask) {
        int count = 0;
        for (boolean hole : holes(mask)) {
            count += hole ? 1 : 0;
        }
        return count;
    }

    private static double[] holeCentre(BufferedImage mask) {
        boolean[] holes = holes(mask);
        double sumX = 0;
        double sumY = 0;
        int count = 0;
        for (int i = 0; i < holes.length; i++) {
            if (holes[i]) {
                sumX += i % WIDTH + 0.5;
                sumY += i / WIDTH + 0.5;
                count++;
            }
        }
        assertThat(count).as("hole pixels").isPositive();
        return new double[] {sumX / count, sumY / count};
    }

    private static boolean[] dilate(boolean[] holes, int radius) {
        boolean[] near = new boolean[holes.length];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                if (!holes[y * WIDTH + x]) {
                    continue;
                }
                for (int ny = Math.max(0, y - radius); ny <= Math.min(HEIGHT - 1, y + radius); ny++) {
                    for (int nx = Math.max(0, x - radius); nx <= Math.min(WIDTH - 1, x + radius); nx++) {
                        near[ny * WIDTH + nx] = true;
                    }
                }
            }
        }
        return near;
    }

    private static BufferedImage decode(byte[] png) {
        try {
            return ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
