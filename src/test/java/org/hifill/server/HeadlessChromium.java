package org.hifill.server;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and chromedriver, driven headless. Both paths are given explicitly, so
 * Selenium Manager never runs and nothing is downloaded.
 */
final class HeadlessChromium {
    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Dimension WINDOW = new Dimension(1400, 900);
    /**
     * Quiet: Selenium warns on every start that it has no DevTools bindings for this Chromium's
     * version, which no test here uses. Held, since a logger nobody references may be collected.
     */
    private static final Logger CDP_VERSION_WARNINGS = quiet("org.openqa.selenium.devtools.CdpVersionFinder");

    private HeadlessChromium() {}

    static boolean installed() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    static String missingMessage() {
        return "browser test needs " + BROWSER + " and " + DRIVER + " (apt-get install chromium chromium-driver)";
    }

    /** Skips the calling test when the browser is missing, except on CI, which installs it (.ci/run). */
    static void assumeInstalled() {
        if (installed()) {
            return;
        }
        if ("true".equals(System.getenv("CI"))) {
            fail(missingMessage());
        }
        Assumptions.abort(missingMessage());
    }

    /** A browser with a fresh profile in profileDir, saving downloads to downloadDir without asking. */
    static ChromeDriver start(Path profileDir, Path downloadDir) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments(List.of(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--force-device-scale-factor=1",
                "--window-size=" + WINDOW.width + "," + WINDOW.height,
                "--user-data-dir=" + profileDir.toAbsolutePath()));
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloadDir.toAbsolutePath().toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }
}
