package org.hifill.bench;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * A photo-like test image of any size, the same for the same seed: a smooth gradient, soft
 * shapes with sharp edges, and fine noise, so that codecs and CRA see texture at every scale.
 */
public final class SyntheticPhoto {

    private SyntheticPhoto() {}

    public static BufferedImage create(int width, int height, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(52, 96, 150), width, height, new Color(214, 190, 140)));
        g.fillRect(0, 0, width, height);
        int shapes = 300;
        int side = Math.min(width, height);
        for (int i = 0; i < shapes; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 160));
            int w = (int) (side * (0.01 + random.nextDouble() * 0.08));
            int h = (int) (side * (0.01 + random.nextDouble() * 0.08));
            g.fillOval(random.nextInt(width), random.nextInt(height), w, h);
        }
        g.dispose();
        byte[] data = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < data.length; i++) {
            int v = (data[i] & 0xff) + random.nextInt(17) - 8;
            data[i] = (byte) Math.max(0, Math.min(255, v));
        }
        return image;
    }
}
