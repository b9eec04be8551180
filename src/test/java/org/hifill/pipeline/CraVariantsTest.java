package org.hifill.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import org.junit.jupiter.api.Test;

/**
 * The options that the evaluation's baselines use: without residuals the hole gets the
 * up-sampled fill alone (paper Fig. 6), and another down-sampler feeds the network (Fig. 3).
 */
class CraVariantsTest {

    private static final int SIDE = 1024;
    private static final int CELL = 32;
    /** One attention cell, aligned to the grid, so that its inside up-samples the constant fill only. */
    private static final Rectangle HOLE = new Rectangle(12 * CELL, 10 * CELL, CELL, CELL);
    private static final int[] FILL = {200, 40, 90};

    @Test
    void withoutResidualsTheHoleInsideIsExactlyTheUpsampledFill() {
        BufferedImage out = inpaint(InpaintOptions.defaults().withResiduals(false));
        Raster raster = out.getRaster();
        int[] pixel = new int[3];
        // One photo pixel in from the edge, bilinear taps read the hole's network pixels only.
        for (int y = HOLE.y + 1; y < HOLE.y + HOLE.height - 1; y++) {
            for (int x = HOLE.x + 1; x < HOLE.x + HOLE.width - 1; x++) {
                assertThat(raster.getPixel(x, y, pixel)).as("(%d, %d)", x, y).containsExactly(FILL);
            }
        }
    }

    @Test
    void withResidualsTheSameFillCarriesTheAttendedCellsDetail() {
        BufferedImage out = inpaint(InpaintOptions.defaults());
        Raster raster = out.getRaster();
        int[] pixel = new int[3];
        int differing = 0;
        for (int y = HOLE.y + 1; y < HOLE.y + HOLE.height - 1; y++) {
            for (int x = HOLE.x + 1; x < HOLE.x + HOLE.width - 1; x++) {
                raster.getPixel(x, y, pixel);
                differing += java.util.Arrays.equals(pixel, FILL) ? 0 : 1;
            }
        }
        assertThat(differing).isGreaterThan(CELL * CELL / 2);
    }

    @Test
    void theChosenDownSamplerMakesTheNetworkInput() {
        int[] rgb = Photos.noise(SIDE, SIDE, 5, 0, 255);
        BufferedImage photo = Photos.image(rgb, SIDE, SIDE, BufferedImage.TYPE_3BYTE_BGR);
        ScriptedModel model = new ScriptedModel(ScriptedModel.copyInput(), ScriptedModel.zeroAttention());
        InpaintOptions options = InpaintOptions.defaults().withStrategy(Strategy.WHOLE)
                .withResampling(new Resampling(DownSampling.NEAREST, Interpolation.BICUBIC));
        try (Inpainter inpainter = Inpainter.of(model)) {
            inpainter.inpaint(photo, Photos.mask(SIDE, SIDE, HOLE), options);
        }
        float[] input = model.lastResult().pasted();
        int net = SIDE / 2;
        for (int y = 0; y < net; y += 37) {
            for (int x = 0; x < net; x += 29) {
                for (int c = 0; c < 3; c++) {
                    // Nearest halving samples photo pixel (2x + 1, 2y + 1).
                    float expected = rgb[3 * ((2 * y + 1) * SIDE + 2 * x + 1) + c] / 127.5f - 1f;
                    assertThat(input[c * net * net + y * net + x]).as("(%d, %d) band %d", x, y, c)
                            .isCloseTo(expected, within(1e-5f));
                }
            }
        }
    }

    /** A noisy photo with one hole cell whose fill is constant and whose attention is on a far context cell. */
    private static BufferedImage inpaint(InpaintOptions options) {
        int[] rgb = Photos.noise(SIDE, SIDE, 11, 30, 225);
        BufferedImage photo = Photos.image(rgb, SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
        int grid = SIDE / CELL;
        int hole = (HOLE.y / CELL) * grid + HOLE.x / CELL;
        int context = 25 * grid + 3;
        ScriptedModel model = new ScriptedModel(ScriptedModel.constant(FILL[0], FILL[1], FILL[2]),
                ScriptedModel.oneHot(hole, context));
        try (Inpainter inpainter = Inpainter.of(model)) {
            return inpainter.inpaint(photo, Photos.mask(SIDE, SIDE, HOLE),
                    options.withStrategy(Strategy.WHOLE).withTolerance(0)).image();
        }
    }
}
