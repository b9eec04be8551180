package org.hifill.server;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Photos and masks for the server tests, encoded as a client would upload them. */
final class TestImages {

    static final int W = 320;
    static final int H = 240;
    static final Rectangle HOLE = new Rectangle(140, 100, 40, 40);

    private TestImages() {}

    /** A gradient with a few shapes: every pixel far from the hole must come back unchanged. */
    static BufferedImage photo(int width, int height) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(40, 90, 160), width, height, new Color(220, 200, 90)));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(200, 60, 50));
        g.fillRect(width / 2 - 15, height / 2 - 15, 30, 30);
        g.dispose();
        return image;
    }

    /** White hole on black. */
    static BufferedImage mask(int width, int height, Rectangle hole) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fill(hole);
        g.dispose();
        return image;
    }

    static byte[] encode(BufferedImage image, String format) {
        var out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static BufferedImage decode(byte[] bytes) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        if (image == null) {
            throw new IOException("not an image: " + bytes.length + " bytes");
        }
        return image;
    }

    /** The usual upload: a PNG photo and its mask. */
    static Multipart upload() {
        return new Multipart().file("image", "photo.png", encode(photo(W, H), "png"))
                .file("mask", "mask.png", encode(mask(W, H, HOLE), "png"));
    }
}
