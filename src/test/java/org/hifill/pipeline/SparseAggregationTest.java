package org.hifill.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sparse against dense aggregation on diffuse attention rows: leaving out weight t per row moves
 * no sample by more than t * 255 (plus one level of rounding), and the reported dropped weight is
 * at most t.
 */
class SparseAggregationTest {

    private static final int W = 1024;
    private static final int H = 768;

    /** A pixel checkerboard of amplitude 100 around 128: every context residual is +-100. */
    private static BufferedImage checkerboard() {
        SplittableRandom random = new SplittableRandom(3);
        int[] rgb = new int[3 * W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int sign = ((x + y) & 1) == 0 ? 1 : -1;
                for (int c = 0; c < 3; c++) {
                    rgb[3 * (y * W + x) + c] = 128 + sign * (100 - 20 * c) + random.nextInt(-5, 6);
                }
            }
        }
        return Photos.image(rgb, W, H, BufferedImage.TYPE_3BYTE_BGR);
    }

    @ParameterizedTest(name = "tolerance {0}")
    @ValueSource(doubles = {0.01, 0.05})
    void sparseOutputStaysWithinToleranceTimes255OfTheDenseOne(double tolerance) {
        BufferedImage photo = checkerboard();
        HoleMask mask = Photos.mask(W, H, new Rectangle(400, 300, 150, 120), new Rectangle(900, 40, 40, 300));
        // Scale 1: each of ~700 context cells carries about 1/700 of a row, so t drops real weight.
        ScriptedModel model = new ScriptedModel(ScriptedModel.copyInput(), ScriptedModel.diffuse(99, 1.0));
        InpaintOptions whole = InpaintOptions.defaults().withStrategy(Strategy.WHOLE);
        InpaintResult dense;
        InpaintResult sparse;
        try (Inpainter inpainter = Inpainter.of(model)) {
            dense = inpainter.inpaint(photo, mask, whole.withTolerance(0));
            sparse = inpainter.inpaint(photo, mask, whole.withTolerance(tolerance));
        }
        CraPipeline.RegionReport denseReport = dense.regions().get(0);
        CraPipeline.RegionReport sparseReport = sparse.regions().get(0);
        assertThat(denseReport.maxDroppedMass()).isZero();
        assertThat(sparseReport.maxDroppedMass()).isPositive().isLessThanOrEqualTo(tolerance);
        assertThat(sparseReport.sourceCells()).isLessThanOrEqualTo(denseReport.sourceCells());
        assertThat(sparseReport.targetCells()).isEqualTo(denseReport.targetCells());

        int[] a = Photos.samples(dense.image());
        int[] b = Photos.samples(sparse.image());
        int bound = (int) Math.floor(tolerance * 255 + 1);
        int largest = 0;
        long differing = 0;
        for (int i = 0; i < a.length; i++) {
            int d = Math.abs(a[i] - b[i]);
            largest = Math.max(largest, d);
            differing += d > 0 ? 1 : 0;
        }
        assertThat(largest).as("largest sample difference").isLessThanOrEqualTo(bound);
        assertThat(differing).as("samples the dropped weight moved").isPositive();
        for (CraPipeline.RegionReport r : sparse.regions()) {
            Photos.assertUnchangedBeyondFeather(photo, sparse.image(), mask, r.featherRadius());
        }
    }
}
