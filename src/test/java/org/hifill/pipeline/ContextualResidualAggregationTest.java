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
