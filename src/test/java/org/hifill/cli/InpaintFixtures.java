package org.hifill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.assertj.core.api.AbstractStringAssert;
import org.hifill.model.generator.GeneratorConfig;
import org.hifill.model.weights.ModelDirectory;
import org.hifill.model.weights.Provenance;

/** Photos, masks and a model directory for the {@code hifill inpaint} tests, and their checks. */
final class InpaintFixtures {

    static final int W = 640;
    static final int H = 480;
    /** The hole of the masks made here. */
    static final Rectangle HOLE = new Rectangle(280, 200, 80, 80);

    private InpaintFixtures() {}

    /** A model directory of the released architecture with random weights. */
    static Path saveModel(Path dir) throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            ModelDirectory.save(ModelDirectory.initialise(GeneratorConfig.released(), manager),
                    Provenance.randomInit("test"), dir);
        }
        return dir;
    }

    /** A photo-like picture: gradients, shapes and lines, different for each seed. */
    static BufferedImage photo(int width, int height, int seed) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(40 + seed * 30 % 100, 90, 160), width, height,
                new Color(220, 200 - seed * 20 % 100, 90)));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(30, 120, 40));
        g.fillOval(width / 8, height / 3, width / 3, height / 2);
        g.setColor(new Color(200, 60, 50));
        g.fillRect(width * 5 / 8, height / 6, width / 4, height / 4);
        g.setStroke(new BasicStroke(3));
        g.setColor(Color.WHITE);
        for (int i = 0; i < 10; i++) {
            g.drawLine(0, i * height / 10 + seed, width, (i + 1) * height / 10);
        }
        g.dispose();
        return image;
    }

    /** A grey mask of the given size with {@code hole} painted white on black (or black on white if inverted). */
    static BufferedImage mask(int width, int height, Rectangle hole, boolean blackHole) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(blackHole ? Color.WHITE : Color.BLACK);
        g.fillRect(0, 0, width, height);
        g.setColor(blackHole ? Color.BLACK : Color.WHITE);
        g.fill(hole);
        g.dispose();
        return image;
    }

    static Path write(BufferedImage image, Path file) throws IOException {
        String name = file.getFileName().toString();
        String format = name.substring(name.lastIndexOf('.') + 1);
        assertThat(ImageIO.write(image, format.equals("jpg") ? "jpeg" : format, file.toFile()))
                .as("writer for %s", file).isTrue();
        return file;
    }

    static BufferedImage read(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).as("%s decodes", file).isNotNull();
        return image;
    }

    /** The names of the files in a folder, sorted. */
    static List<String> names(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Exactly one line on stderr, starting "hifill: ", and no stack trace; the line, for more checks. */
    static AbstractStringAssert<?> assertOneLineError(CliRun run) {
        assertThat(run.err().lines()).as("no stack trace in: %s", run.err()).noneMatch(l -> l.startsWith("\tat "));
        assertThat(run.errLines()).as("stderr: %s", run.err()).hasSize(1);
        return assertThat(run.errLines().get(0)).startsWith("hifill: ");
    }

    /** A usage error: exit 2, the message on stderr, no stack trace, nothing on stdout. */
    static AbstractStringAssert<?> assertUsageError(CliRun run) {
        assertThat(run.exitCode()).as("stderr: %s", run.err()).isEqualTo(2);
        assertThat(run.err().lines()).noneMatch(l -> l.startsWith("\tat "));
        assertThat(run.out()).isEmpty();
        return assertThat(run.err());
    }

    /** Whether a pixel is more than {@code distance} pixels (Chebyshev) from every pixel of the hole. */
    static boolean farFrom(Rectangle hole, int x, int y, int distance) {
        int dx = Math.max(0, Math.max(hole.x - x, x - (hole.x + hole.width - 1)));
        int dy = Math.max(0, Math.max(hole.y - y, y - (hole.y + hole.height - 1)));
        return Math.max(dx, dy) > distance;
    }
}
