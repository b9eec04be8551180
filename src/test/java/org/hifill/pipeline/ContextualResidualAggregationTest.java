package org.hifill.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import org.junit.jupiter.api.Test;

/**
 * CRA's arithmetic end to end (reference section 3, steps 2-6), against values computed here from
 * the definitions: with a fill equal to the blurry image and one-hot attention from the hole cell
 * j to a context cell i, cell j of the output is blurry_j + (photo_i - blurry_i): the
 * full-resolution detail of cell i, moved into the hole.
 */
class ContextualResidualAggregationTest {

    private static final int SIDE = 1024;
    private static final int NET = 512;
    private static final int CELL = 32;
    private static final int GRID = 32;

    @Test
    void holeCellReceivesTheFullResolutionResidualOfTheCellItAttendsTo() {
        int[] rgb = Photos.noise(SIDE, SIDE, 11, 30, 225);
        BufferedImage photo = Photos.image(rgb, SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
        int jRow = 10;
        int jCol = 12;
        int iRow = 25;
        int iCol = 3;
        int j = jRow * GRID + jCol;
        int i = iRow * GRID + iCol;
        Rectangle holeCell = new Rectangle(jCol * CELL, jRow * CELL, CELL, CELL);
        HoleMask mask = Photos.mask(SIDE, SIDE, holeCell);
        ScriptedModel model = new ScriptedModel(ScriptedModel.copyInput(), ScriptedModel.oneHot(j, i));

        InpaintResult result;
        try (Inpainter inpainter = Inpainter.of(model)) {
            result = inpainter.inpaint(photo, mask, InpaintOptions.defaults().withStrategy(Strategy.WHOLE).withTolerance(0));
        }

        assertThat(model.lastSize()).isEqualTo(new NetworkSize(NET, NET));
        assertThat(result.regions()).hasSize(1);
        CraPipeline.RegionReport report = result.regions().get(0);
        assertThat(report.sourceCells()).as("context cells entering the product").isEqualTo(1);
        assertThat(report.maxDroppedMass()).isZero();

        double[][] small = areaAverage2x2(rgb);
        Raster out = result.image().getRaster();
        int[] pixel = new int[3];
        int ties = 0;
        double largestResidual = 0;
        for (int v = 0; v < CELL; v++) {
            for (int u = 0; u < CELL; u++) {
                int xj = jCol * CELL + u;
                int yj = jRow * CELL + v;
                int xi = iCol * CELL + u;
                int yi = iRow * CELL + v;
                out.getPixel(xj, yj, pixel);
                for (int c = 0; c < 3; c++) {
                    double residual = rgb[3 * (yi * SIDE + xi) + c] - blurry(small[c], xi, yi);
                    largestResidual = Math.max(largestResidual, Math.abs(residual));
                    double expected = Math.max(0, Math.min(255, blurry(small[c], xj, yj) + residual));
                    double floor = Math.floor(expected);
                    if (expected - floor == 0.5) {
                        // Exactly half way: float evaluation order may round either way.
                        ties++;
                        assertThat(pixel[c]).as("(%d, %d) band %d, expected %s", xj, yj, c, expected)
                                .isBetween((int) floor, (int) floor + 1);
                    } else {
                        assertThat(pixel[c]).as("(%d, %d) band %d, expected %s", xj, yj, c, expected)
                                .isEqualTo((int) Math.floor(expected + 0.5));
                    }
                }
            }
        }
        assertThat(largestResidual).as("the copied residual carries real detail").isGreaterThan(50);
        assertThat(ties).as("samples exactly half way between two levels").isLessThan(3 * CELL * CELL / 4);
        Photos.assertUnchangedBeyondFeather(photo, result.image(), mask, report.featherRadius());
    }

    /**
     * The aggregation runs as a matrix product in bands of cell rows, on cells of unequal size
     * (4001 x 2999 on a 32 x 24 grid: 125 or 126 by 124 or 125 pixels). With dense attention over
     * some 700 context cells the product needs several bands; every hole pixel checked is still
     * clip(fill + sum_i A[j,i] R_i) with R_i read at (min(u, w_i - 1), min(v, h_i - 1)).
     */
    @Test
    void denseAggregationOverUnequalCellsInSeveralBandsIsTheWeightedSumOfResiduals() {
        int w = 4001;
        int h = 2999;
        int[] rgb = Photos.noise(w, h, 29, 0, 255);
        BufferedImage photo = Photos.image(rgb, w, h, BufferedImage.TYPE_3BYTE_BGR);
        Rectangle hole = new Rectangle(1480, 990, 420, 400);
        HoleMask mask = Photos.mask(w, h, hole);
        ScriptedModel model = new ScriptedModel(ScriptedModel.constant(90, 160, 200), ScriptedModel.diffuse(31, 3.0));
        InpaintResult result;
        try (Inpainter inpainter = Inpainter.of(model)) {
            result = inpainter.inpaint(photo, mask, InpaintOptions.defaults().withStrategy(Strategy.WHOLE).withTolerance(0));
        }
        NetworkSize size = model.lastSize();
        assertThat(size).isEqualTo(new NetworkSize(384, 512));
        int rows = size.gridRows();
        int cols = size.gridCols();
        int cells = rows * cols;
        CraPipeline.RegionReport report = result.regions().get(0);
        // The pipeline's band budget is 24 Mi floats for sources and targets together.
        int maxCellWidth = 126;
        int maxCellHeight = 125;
        long band = (24L << 20) / ((long) (report.sourceCells() + report.targetCells()) * 3 * maxCellWidth);
        assertThat(band).as("cell rows per band").isLessThan(maxCellHeight);

        double[][] small = areaAverage(rgb, w, h, size);
        float[] pasted = model.lastResult().pasted();
        float[] attention = model.lastResult().attention();
        int plane = size.height() * size.width();
        double[][] fill = new double[3][plane];
        for (int c = 0; c < 3; c++) {
            for (int p = 0; p < plane; p++) {
                fill[c][p] = Math.max(0, Math.min(255, (pasted[c * plane + p] + 1.0) * 127.5));
            }
        }
        Raster out = result.image().getRaster();
        int[] pixel = new int[3];
        int checked = 0;
        double largestDeparture = 0;
        for (int j = 0; j < cells; j++) {
            Rectangle cell = cell(j, w, h, rows, cols);
            Rectangle inHole = cell.intersection(hole);
            if (inHole.isEmpty()) {
                continue;
            }
            int[] columns = {inHole.x, inHole.x + 1, inHole.x + inHole.width / 2, inHole.x + inHole.width - 1};
            for (int y = inHole.y; y < inHole.y + inHole.height; y++) {
                for (int x : columns) {
                    out.getPixel(x, y, pixel);
                    for (int c = 0; c < 3; c++) {
                        double sum = 0;
                        for (int i = 0; i < cells; i++) {
                            float a = attention[j * cells + i];
                            if (a == 0f) {
                                continue;
                            }
                            Rectangle src = cell(i, w, h, rows, cols);
                            int sx = src.x + Math.min(x - cell.x, src.width - 1);
                            int sy = src.y + Math.min(y - cell.y, src.height - 1);
                            if (!mask.isHole(sx, sy)) {
                                sum += a * (rgb[3 * (sy * w + sx) + c] - bilinear(small[c], size, w, h, sx, sy));
                            }
                        }
                        double expected = Math.max(0, Math.min(255, bilinear(fill[c], size, w, h, x, y) + sum));
                        largestDeparture = Math.max(largestDeparture, Math.abs(expected - bilinear(fill[c], size, w, h, x, y)));
                        assertThat((double) pixel[c]).as("(%d, %d) band %d", x, y, c)
                                .isCloseTo(expected, org.assertj.core.api.Assertions.within(0.51));
                    }
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(1000);
        assertThat(largestDeparture).as("the aggregated residual is far from zero").isGreaterThan(30);
    }

    /** Cell index of the grid over a w x h photo: edges at floor(k * side / count). */
    private static Rectangle cell(int index, int w, int h, int rows, int cols) {
        int r = index / cols;
        int c = index % cols;
        int x0 = (int) ((long) c * w / cols);
        int x1 = (int) ((long) (c + 1) * w / cols);
        int y0 = (int) ((long) r * h / rows);
        int y1 = (int) ((long) (r + 1) * h / rows);
        return new Rectangle(x0, y0, x1 - x0, y1 - y0);
    }

    /** Area averaging by definition, separably: output o covers [o s, (o + 1) s) with s = in / out. */
    private static double[][] areaAverage(int[] rgb, int w, int h, NetworkSize size) {
        int ow = size.width();
        int oh = size.height();
        double sx = (double) w / ow;
        double sy = (double) h / oh;
        double[][] byRows = new double[3][oh * w];
        for (int y = 0; y < h; y++) {
            for (int o = (int) Math.floor(y / sy); o < oh && o * sy < y + 1; o++) {
                double share = (Math.min(y + 1, (o + 1) * sy) - Math.max(y, o * sy)) / sy;
                if (share <= 0) {
                    continue;
                }
                for (int x = 0; x < w; x++) {
                    for (int c = 0; c < 3; c++) {
                        byRows[c][o * w + x] += share * rgb[3 * (y * w + x) + c];
                    }
                }
            }
        }
        double[][] small = new double[3][oh * ow];
        for (int x = 0; x < w; x++) {
            for (int o = (int) Math.floor(x / sx); o < ow && o * sx < x + 1; o++) {
                double share = (Math.min(x + 1, (o + 1) * sx) - Math.max(x, o * sx)) / sx;
                if (share <= 0) {
                    continue;
                }
                for (int oy = 0; oy < oh; oy++) {
                    for (int c = 0; c < 3; c++) {
                        small[c][oy * ow + o] += share * byRows[c][oy * w + x];
                    }
                }
            }
        }
        return small;
    }

    /** Bilinear up-sampling of a network-size plane to a w x h photo, half-pixel centres, clamped. */
    private static double bilinear(double[] small, NetworkSize size, int w, int h, int x, int y) {
        int sw = size.width();
        int sh = size.height();
        double u = Math.max(0, Math.min(sw - 1, (x + 0.5) * sw / w - 0.5));
        double v = Math.max(0, Math.min(sh - 1, (y + 0.5) * sh / h - 0.5));
        int u0 = (int) u;
        int v0 = (int) v;
        int u1 = Math.min(sw - 1, u0 + 1);
        int v1 = Math.min(sh - 1, v0 + 1);
        double a = u - u0;
        double b = v - v0;
        return (1 - b) * ((1 - a) * small[v0 * sw + u0] + a * small[v0 * sw + u1])
                + b * ((1 - a) * small[v1 * sw + u0] + a * small[v1 * sw + u1]);
    }

    /** The network-size image by definition: the mean of each 2 x 2 block, per colour. */
    private static double[][] areaAverage2x2(int[] rgb) {
        double[][] small = new double[3][NET * NET];
        for (int c = 0; c < 3; c++) {
            for (int oy = 0; oy < NET; oy++) {
                for (int ox = 0; ox < NET; ox++) {
                    double sum = 0;
                    for (int dy = 0; dy < 2; dy++) {
                        for (int dx = 0; dx < 2; dx++) {
                            sum += rgb[3 * ((2 * oy + dy) * SIDE + 2 * ox + dx) + c];
                        }
                    }
                    small[c][oy * NET + ox] = sum / 4;
                }
            }
        }
        return small;
    }

    /** Bilinear up-sampling by definition: half-pixel centres, clamped to the edge pixels. */
    private static double blurry(double[] small, int x, int y) {
        double sx = Math.max(0, Math.min(NET - 1, (x + 0.5) * NET / SIDE - 0.5));
        double sy = Math.max(0, Math.min(NET - 1, (y + 0.5) * NET / SIDE - 0.5));
        int x0 = (int) sx;
        int y0 = (int) sy;
        int x1 = Math.min(NET - 1, x0 + 1);
        int y1 = Math.min(NET - 1, y0 + 1);
        double fx = sx - x0;
        double fy = sy - y0;
        return (1 - fy) * ((1 - fx) * small[y0 * NET + x0] + fx * small[y0 * NET + x1])
                + fy * ((1 - fx) * small[y1 * NET + x0] + fx * small[y1 * NET + x1]);
    }
}
