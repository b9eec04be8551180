package org.hifill.pipeline;

import java.awt.Color;
import java.awt.Rectangle;
import ai.djl.ndarray.NDManager;
import java.awt.image.BufferedImage;

/**
 * The pictures of paper Fig. 2 for one region, made only when asked for: the network's input,
 * its coarse and refined outputs, the blurry image, the context residual, the aggregated
 * residual (residuals shown as 128 + value) and the attention flow (for each hole cell, the
 * direction and distance to the mean of the cells it copies from, as hue and saturation).
 * The full-resolution ones are made row by row, one picture at a time.
 */
final class StagePictures {

    private final Intermediates sink;
    private final NetworkSize size;
    private final Rectangle region;

    private final NDManager manager;

    StagePictures(Intermediates sink, NetworkSize size, Rectangle region, NDManager manager) {
        this.sink = sink;
        this.size = size;
        this.region = region;
        this.manager = manager;
    }

    void emit(float[] small, float[] hole, LowResolutionResult low, ContextResiduals residuals,
            ResidualAggregation aggregation, int[] targets, Upsampler up, float[] fill) {
        float[] input = small.clone();
        int plane = size.height() * size.width();
        for (int p = 0; p < plane; p++) {
            if (hole[p] > 0f) {
                input[p] = 255f;
                input[p + plane] = 255f;
                input[p + 2 * plane] = 255f;
            }
        }
        sink.accept("01-input-lowres", planes(input));
        if (low.coarse() != null) {
            sink.accept("02-coarse", planes(CraPipeline.toByteRange(low.coarse())));
        }
        if (low.refined() != null) {
            sink.accept("03-refine", planes(CraPipeline.toByteRange(low.refined())));
        }
        sink.accept("04-blurry", fullSize((y, rgb) -> residuals.blurryRow(y, region.x, region.width, rgb)));
        CellGrid grid = residuals.grid();
        sink.accept("05-context-residual", residualPicture(grid, (index, cell, picture) -> {
            float[] values = new float[3 * cell.width * cell.height];
            residuals.rows(index, 0, cell.height, cell.width, values, 0);
            for (int v = 0; v < cell.height; v++) {
                paintRow(picture, cell, v, values, 3 * v * cell.width);
            }
        }));
        BufferedImage aggregated = residualPicture(grid, (index, cell, picture) -> { });
        aggregation.forEachRow(manager, (k, v, residual, offset) ->
                paintRow(aggregated, grid.cell(targets[k]), v, residual, offset), new StageTimes());
        sink.accept("06-aggregated-residual", aggregated);
        sink.accept("07-upsampled-fill", fullSize((y, rgb) -> up.sampleRow(fill, y - region.y, 0, region.width, rgb)));
        sink.accept("08-attention-flow", attentionFlow(low.attention(), grid, targets));
    }

    private BufferedImage planes(float[] chw) {
        int w = size.width();
        int h = size.height();
        int plane = w * h;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int p = 0; p < plane; p++) {
            image.setRGB(p % w, p / w, rgb(chw[p], chw[p + plane], chw[p + 2 * plane]));
        }
        return image;
    }

    private interface RowSource {
        void row(int y, float[] rgb);
    }

    private BufferedImage fullSize(RowSource source) {
        BufferedImage image = new BufferedImage(region.width, region.height, BufferedImage.TYPE_INT_RGB);
        float[] rgb = new float[3 * region.width];
        int[] packed = new int[region.width];
        for (int y = 0; y < region.height; y++) {
            source.row(region.y + y, rgb);
            for (int x = 0; x < region.width; x++) {
                packed[x] = rgb(rgb[3 * x], rgb[3 * x + 1], rgb[3 * x + 2]);
            }
            image.setRGB(0, y, region.width, 1, packed, 0, region.width);
        }
        return image;
    }

    private interface CellPainter {
        void paint(int index, Rectangle cell, BufferedImage picture);
    }

    /** A residual picture: mid-grey, with each cell painted by {@code painter}. */
    private BufferedImage residualPicture(CellGrid grid, CellPainter painter) {
        BufferedImage image = new BufferedImage(region.width, region.height, BufferedImage.TYPE_INT_RGB);
        int[] grey = new int[region.width];
        java.util.Arrays.fill(grey, rgb(128, 128, 128));
        for (int y = 0; y < region.height; y++) {
            image.setRGB(0, y, region.width, 1, grey, 0, region.width);
        }
        for (int index = 0; index < grid.cellCount(); index++) {
            painter.paint(index, grid.cell(index), image);
        }
        return image;
    }

    /** Paints row v of a cell from residual values (shown as 128 + value). */
    private void paintRow(BufferedImage picture, Rectangle cell, int v, float[] values, int offset) {
        int[] packed = new int[cell.width];
        for (int u = 0; u < cell.width; u++) {
            int p = offset + 3 * u;
            packed[u] = rgb(128 + values[p], 128 + values[p + 1], 128 + values[p + 2]);
        }
        picture.setRGB(cell.x - region.x, cell.y - region.y + v, cell.width, 1, packed, 0, cell.width);
    }

    private BufferedImage attentionFlow(float[] attention, CellGrid grid, int[] targets) {
        int rows = grid.rows();
        int cols = grid.cols();
        int cells = rows * cols;
        float[][] offsets = new float[cells][];
        double longest = 1e-9;
        for (int j : targets) {
            double mass = 0;
            double my = 0;
            double mx = 0;
            for (int i = 0; i < cells; i++) {
                float a = attention[j * cells + i];
                mass += a;
                my += a * (i / cols);
                mx += a * (i % cols);
            }
            if (mass > 0) {
                float dy = (float) (my / mass - j / cols);
                float dx = (float) (mx / mass - j % cols);
                offsets[j] = new float[] {dy, dx};
                longest = Math.max(longest, Math.hypot(dy, dx));
            }
        }
        int scale = 16;
        BufferedImage image = new BufferedImage(cols * scale, rows * scale, BufferedImage.TYPE_INT_RGB);
        for (int j = 0; j < cells; j++) {
            int colour = Color.WHITE.getRGB();
            if (offsets[j] != null) {
                float hue = (float) ((Math.atan2(offsets[j][0], offsets[j][1]) / (2 * Math.PI)) + 1) % 1f;
                float saturation = (float) Math.min(1, Math.hypot(offsets[j][0], offsets[j][1]) / longest);
                colour = Color.HSBtoRGB(hue, saturation, 1f);
            }
            for (int y = 0; y < scale; y++) {
                for (int x = 0; x < scale; x++) {
                    image.setRGB((j % cols) * scale + x, (j / cols) * scale + y, colour);
                }
            }
        }
        return image;
    }

    private static int rgb(float r, float g, float b) {
        return (clamp(r) << 16) | (clamp(g) << 8) | clamp(b);
    }

    private static int clamp(float v) {
        return Math.max(0, Math.min(255, Math.round(v)));
    }
}
