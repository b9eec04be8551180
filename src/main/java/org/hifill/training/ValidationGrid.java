package org.hifill.training;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.hifill.training.data.Batch;

/**
 * A picture of a validation pass: one row per sample (the first few of the set), one column per
 * stage: the masked input (hole in white), the coarse output x1, the refined output x2, the
 * result pasted into the known pixels, and the ground truth.
 */
final class ValidationGrid {

    static final String[] COLUMNS = {"input", "coarse", "refine", "pasted", "ground truth"};

    private static final int GAP = 4;
    private static final int HEADER = 20;

    private final int size;
    private final int rows;
    private final BufferedImage image;
    private int row;

    /** An empty grid of {@code rows} rows of {@code size x size} tiles. */
    ValidationGrid(int size, int rows) {
        this.size = size;
        this.rows = rows;
        this.image = new BufferedImage(GAP + COLUMNS.length * (size + GAP), HEADER + rows * (size + GAP),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        for (int c = 0; c < COLUMNS.length; c++) {
            g.drawString(COLUMNS[c], GAP + c * (size + GAP), HEADER - 6);
        }
        g.dispose();
    }

    /** Adds the batch's samples (while rows are left) with the generator's outputs, all {@code N x 3 x S x S}. */
    void add(Batch batch, float[] coarse, float[] refined, float[] pasted) {
        int plane = size * size;
        for (int s = 0; s < batch.count() && row < rows; s++, row++) {
            int image3 = s * 3 * plane;
            int mask = s * plane;
            draw(0, batch.images(), image3, batch.masks(), mask);
            draw(1, coarse, image3, null, 0);
            draw(2, refined, image3, null, 0);
            draw(3, pasted, image3, null, 0);
            draw(4, batch.images(), image3, null, 0);
        }
    }

    BufferedImage image() {
        return image;
    }

    /** Draws RGB planes in [-1, 1] from {@code offset} as the tile of {@code column}; hole pixels white if masked. */
    private void draw(int column, float[] planes, int offset, float[] mask, int maskOffset) {
        int plane = size * size;
        int left = GAP + column * (size + GAP);
        int top = HEADER + row * (size + GAP);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int i = y * size + x;
                int rgb = 0xFFFFFF;
                if (mask == null || mask[maskOffset + i] <= 0.5f) {
                    rgb = level(planes[offset + i]) << 16 | level(planes[offset + plane + i]) << 8
                            | level(planes[offset + 2 * plane + i]);
                }
                image.setRGB(left + x, top + y, rgb);
            }
        }
    }

    private static int level(float value) {
        return Math.max(0, Math.min(255, Math.round((value + 1f) * 127.5f)));
    }
}
