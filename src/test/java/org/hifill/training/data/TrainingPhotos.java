package org.hifill.training.data;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/** Small photos made for the tests. */
public final class TrainingPhotos {

    private TrainingPhotos() {
    }

    /** An RGB picture filled with one colour. */
    public static BufferedImage solid(int width, int height, Color colour) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    /** An RGB picture of random pixels. */
    public static BufferedImage noise(int width, int height, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        return image;
    }

    /** Writes the picture as a PNG and returns its path. */
    public static Path png(Path folder, String name, BufferedImage image) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
