package org.hifill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The {@code ./hifill} launcher script. It rebuilds the jar when it is missing or older than the
 * sources; a test must not run a Maven build, so it is skipped unless a current jar exists.
 */
class LauncherTest {

    @Test
    void launcherPrintsTheVersionOfTheBuiltJar() throws IOException, InterruptedException {
        Path base = Path.of(System.getProperty("user.dir"));
        Path launcher = base.resolve("hifill");
        Path jar = base.resolve("target/hifill.jar");
        assertThat(launcher).isExecutable();
        Assumptions.assumeTrue(Files.isRegularFile(jar),
                jar + " absent: skipping the launcher test (run 'mvn package' first; the launcher would build it)");
        Assumptions.assumeTrue(!newerThan(base.resolve("src/main"), jar) && !newerThan(base.resolve("pom.xml"), jar),
                jar + " is older than the sources: skipping the launcher test, which would rebuild it");

        Process p = new ProcessBuilder(launcher.toString(), "--version").directory(base.toFile()).start();
        p.getOutputStream().close();
        boolean done = p.waitFor(60, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(done).as("launcher finished within 60 s").isTrue();
        assertThat(p.exitValue()).as("exit code; stderr: %s", err).isZero();
        assertThat(out.lines().toList()).singleElement().asString().matches("hifill \\d+\\.\\d+\\.\\d+\\S*");
    }

    private static boolean newerThan(Path path, Path jar) throws IOException {
        long built = Files.getLastModifiedTime(jar).toMillis();
        try (var files = Files.walk(path)) {
            return files.anyMatch(f -> {
                try {
                    return Files.getLastModifiedTime(f).toMillis() > built;
                } catch (IOException e) {
                    return true;
                }
            });
        }
    }
}
