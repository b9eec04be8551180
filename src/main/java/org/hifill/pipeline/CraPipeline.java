package org.hifill.pipeline;

import ai.djl.ndarray.NDManager;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Contextual residual aggregation on one region of a photo (paper section 3; reference section
 * 3): average the region down to network size, let the network fill it and attend, bring the
 * fill back up bilinearly, add the attention-weighted context residuals, and blend the result
 * into the hole with an outward feather. Only the attention cells within the feather's reach of
 * a hole are touched; every other pixel of the output stays as it was.
 *
 * <p>The options can swap the resampling (the paper's Fig. 3 ablation) or leave the residuals
 * out, which pastes the up-sampled fill alone (Fig. 6's naive up-sampling).
 */
public final class CraPipeline {

    private final LowResolutionModel model;
    private final InpaintOptions options;
    private final NDManager manager;

    /**
     * @param options the tolerance, resampling and residuals to use (strategy and pictures aside)
     * @param manager where the aggregation's products run (each in its own sub-manager)
     */
    public CraPipeline(LowResolutionModel model, InpaintOptions options, NDManager manager) {
        this.model = model;
        this.options = options;
        this.manager = manager;
    }

    /** What one region's fill did. */
    public record RegionReport(Rectangle region, NetworkSize networkSize, int targetCells, int sourceCells,
            double meanKeptPerRow, double maxDroppedMass, int featherRadius) {}

    /**
     * Fills the holes of {@code mask} inside {@code region}, reading {@code photo} and writing
     * into {@code output} (a copy of it, or the photo itself).
     *
     * @param pictures receives the stage pictures, or {@code null}
     */
    public RegionReport fill(BufferedImage photo, BufferedImage output, HoleMask mask, Rectangle region,
            StageTimes times, Intermediates pictures) {
        NetworkSize size = NetworkSize.forPhoto(region.width, region.height);
        long t = System.nanoTime();
        Resampling resampling = options.resampling();
        float[] small = resampling.down().downsample(photo, region, size);
        float[] hole = AreaDownsampler.downsampleHole(mask, region, size);
        times.add(StageTimes.DOWN_SAMPLE, t);
        options.stopIfCancelled();

        t = System.nanoTime();
        LowResolutionResult low = model.inpaint(toNetworkRange(small), hole, size);
        times.add(StageTimes.NETWORK, t);
        options.stopIfCancelled();

        t = System.nanoTime();
        CellGrid grid = new CellGrid(region, size.gridRows(), size.gridCols());
        double scale = Math.max((double) region.width / size.width(), (double) region.height / size.height());
        OutwardFeather feather = OutwardFeather.forScale(scale);
        OutwardFeather.CellWeights[] cellWeights = new OutwardFeather.CellWeights[grid.cellCount()];
        IntStream.range(0, grid.cellCount()).parallel()
                .forEach(j -> cellWeights[j] = feather.weights(mask, grid.cell(j), region));
        int[] targets = IntStream.range(0, grid.cellCount()).filter(j -> cellWeights[j] != null).toArray();
        times.add(StageTimes.COMPOSITE, t);

        float[] fill = toByteRange(low.pasted());
        Upsampler up = new Upsampler(resampling.up(), size.height(), size.width(), region.height, region.width);
        Compositor compositor = new Compositor(output, region, grid, targets, cellWeights, fill, up);
        if (!options.residuals()) {
            t = System.nanoTime();
            pasteWithoutResiduals(grid, targets, compositor);
            times.add(StageTimes.COMPOSITE, t);
            return new RegionReport(region, size, targets.length, 0, 0, 0, feather.radius());
        }
        ContextResiduals residuals = new ContextResiduals(photo, mask, region, small, up, grid);
        ResidualAggregation aggregation = ResidualAggregation.prepare(residuals, low.attention(), targets,
                options.tolerance());
        aggregation.forEachRow(manager, compositor, times);

        if (pictures != null) {
            new StagePictures(pictures, size, region, manager)
                    .emit(small, hole, low, residuals, aggregation, targets, up, fill);
        }
        return new RegionReport(region, size, targets.length, aggregation.sourceCount(),
                targets.length == 0 ? 0 : (double) aggregation.keptWeights() / targets.length,
                aggregation.maxDroppedMass(), feather.radius());
    }

    /** Every row of the target cells with a zero residual: the up-sampled fill alone. */
    private static void pasteWithoutResiduals(CellGrid grid, int[] targets, Compositor compositor) {
        IntStream.range(0, targets.length).parallel().forEach(k -> {
            Rectangle cell = grid.cell(targets[k]);
            float[] zero = new float[3 * cell.width];
            for (int v = 0; v < cell.height; v++) {
                compositor.accept(k, v, zero, 0);
            }
        });
    }

    /**
     * Blends each row of filled cells into the output: up-sampled network fill plus aggregated
     * residual, clipped, weighted by the feather; only the span of non-zero weight is computed.
     */
    private static final class Compositor implements ResidualAggregation.RowConsumer {
        private final WritableRaster out;
        private final RasterRgb access;
        private final Rectangle region;
        private final CellGrid grid;
        private final int[] targets;
        private final OutwardFeather.CellWeights[] weights;
        private final float[] fill;
        private final Upsampler up;
        private final ThreadLocal<float[]> weightRows;
        private final ThreadLocal<float[]> rgbRows;
        private final ThreadLocal<int[]> scratchRows;

        Compositor(BufferedImage output, Rectangle region, CellGrid grid, int[] targets,
                OutwardFeather.CellWeights[] weights, float[] fill, Upsampler up) {
            this.out = output.getRaster();
            this.access = RasterRgb.of(output);
            this.region = region;
            this.grid = grid;
            this.targets = targets;
            this.weights = weights;
            this.fill = fill;
            this.up = up;
            this.weightRows = ThreadLocal.withInitial(() -> new float[region.width]);
            this.rgbRows = ThreadLocal.withInitial(() -> new float[3 * region.width]);
            this.scratchRows = ThreadLocal.withInitial(() -> access.newScratch(region.width));
        }

        @Override
        public void accept(int k, int v, float[] residual, int offset) {
            Rectangle cell = grid.cell(targets[k]);
            float[] w = weightRows.get();
            weights[targets[k]].row(v, w);
            int first = 0;
            while (first < cell.width && w[first] <= 0f) {
                first++;
            }
            int last = cell.width - 1;
            while (last >= first && w[last] <= 0f) {
                last--;
            }
            int span = last - first + 1;
            if (span <= 0) {
                return;
            }
            float[] rgb = rgbRows.get();
            up.sampleRow(fill, cell.y + v - region.y, cell.x + first - region.x, span, rgb);
            int from = offset + 3 * first;
            for (int i = 0; i < 3 * span; i++) {
                rgb[i] = Math.max(0f, Math.min(255f, rgb[i] + residual[from + i]));
            }
            if (first > 0) {
                System.arraycopy(w, first, w, 0, span);
            }
            access.blendRow(out, cell.x + first, cell.y + v, span, rgb, w, scratchRows.get());
        }
    }

    /** 0..255 to the network's [-1, 1]. */
    static float[] toNetworkRange(float[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] / 127.5f - 1f;
        }
        return out;
    }

    /** The network's [-1, 1] to 0..255. */
    static float[] toByteRange(float[] values) {
        float[] out = Arrays.copyOf(values, values.length);
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.max(0f, Math.min(255f, (out[i] + 1f) * 127.5f));
        }
        return out;
    }
}
