package org.hifill.evaluation;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hifill.image.PhotoWriter;
import org.hifill.image.WriteOptions;
import org.hifill.pipeline.HoleMask;

/**
 * The hole's surroundings from every method side by side, labelled, in one JPEG (as the paper's
 * Fig. 6 zooms in on the hole): the bounding box of the hole, widened by half its longer side
 * (at least {@value #MIN_MARGIN} px) on every side, cut from the original, the input (hole in
 * white) and each method's result. Crops are copied as the methods finish, so full-size results
 * need not be kept. Panels are enlarged nearest-neighbour, so pixels show as they are, or
 * area-averaged down.
 */
final class HoleCrops {

    private static final int MIN_MARGIN = 16;
    private static final int PANEL_HEIGHT = 256;
    private static final int PANEL_MAX_WIDTH = 384;
    private static final int PER_ROW = 4;
    private static final int GAP = 8;
    private static final int LABEL_HEIGHT = 22;
    /** Narrow crops are centred in a cell this wide, so that labels stay readable. */
    private static final int MIN_CELL_WIDTH = 140;

    private record Panel(String label, BufferedImage crop) {}

    private final Rectangle box;
    private final List<Panel> panels = new ArrayList<>();

    /** Starts with the original and the input; the mask must have a hole. */
    HoleCrops(BufferedImage photo, HoleMask mask) {
        Rectangle hole = mask.bounds();
        int margin = Math.max(MIN_MARGIN, Math.max(hole.width, hole.height) / 2);
        box = new Rectangle(hole.x - margin, hole.y - margin, hole.width + 2 * margin, hole.height + 2 * margin)
                .intersection(new Rectangle(photo.getWidth(), photo.getHeight()));
        add("original", photo);
        BufferedImage input = cut(photo);
        for (int y = 0; y < box.height; y++) {
            for (int x = 0; x < box.width; x++) {
                if (mask.isHole(box.x + x, box.y + y)) {
                    input.setRGB(x, y, 0xffffff);
                }
            }
        }
        panels.add(new Panel("input", input));
    }

    /** A method's result, or (null) the reason it has none. */
    void add(String method, Outcome outcome) {
        if (outcome.image() != null) {
            add(method, outcome.image());
        } else {
            panels.add(new Panel(method + ": " + outcome.status().label(), null));
        }
    }

    private void add(String label, BufferedImage image) {
        panels.add(new Panel(label, cut(image)));
    }

    private BufferedImage cut(BufferedImage image) {
        BufferedImage crop = new BufferedImage(box.width, box.height, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[box.width];
        for (int y = 0; y < box.height; y++) {
            image.getRGB(box.x, box.y + y, box.width, 1, row, 0, box.width);
            crop.setRGB(0, y, box.width, 1, row, 0, box.width);
        }
        return crop;
    }

    /**
     * Lays the panels out in rows of {@value #PER_ROW} and writes them as a JPEG (quality 0.95:
     * some 40% of a PNG's bytes for these photographic sheets).
     */
    void write(Path file) throws IOException {
        double scale = Math.min((double) PANEL_HEIGHT / box.height, (double) PANEL_MAX_WIDTH / box.width);
        Dimension panel = new Dimension(Math.max(1, (int) Math.round(box.width * scale)),
                Math.max(1, (int) Math.round(box.height * scale)));
        int cell = Math.max(MIN_CELL_WIDTH, panel.width);
        int columns = Math.min(PER_ROW, panels.size());
        int rows = (panels.size() + PER_ROW - 1) / PER_ROW;
        int width = columns * cell + (columns + 1) * GAP;
        int height = rows * (panel.height + LABEL_HEIGHT) + (rows + 1) * GAP;
        BufferedImage sheet = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
            for (int i = 0; i < panels.size(); i++) {
                int left = GAP + (i % PER_ROW) * (cell + GAP);
                int x = left + (cell - panel.width) / 2;
                int y = GAP + (i / PER_ROW) * (panel.height + LABEL_HEIGHT + GAP);
                Panel p = panels.get(i);
                if (p.crop() == null) {
                    g.setColor(Color.LIGHT_GRAY);
                    g.fillRect(x, y, panel.width, panel.height);
                } else if (scale < 1) {
                    g.drawImage(EvaluationScaling.photo(p.crop(), panel), x, y, null);
                } else {
                    g.drawImage(p.crop(), x, y, panel.width, panel.height, null);
                }
                g.setColor(Color.BLACK);
                FontMetrics metrics = g.getFontMetrics();
                g.drawString(fit(p.label(), metrics, cell), left, y + panel.height + metrics.getAscent() + 3);
            }
        } finally {
            g.dispose();
        }
        PhotoWriter.write(sheet, file, WriteOptions.defaults());
    }

    /** The label, cut with an ellipsis to fit the panel's width. */
    private static String fit(String label, FontMetrics metrics, int width) {
        if (metrics.stringWidth(label) <= width) {
            return label;
        }
        String cut = label;
        while (!cut.isEmpty() && metrics.stringWidth(cut + "...") > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "...";
    }
}
