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
 */
public final class CraPipeline {

    private final LowResolutionModel model;
    private final double tolerance;
    private final NDManager manager;

    /**
     * @param tolerance attention weight each row may leave out ({@link SparseAttention})
     * @param manager where the aggregation's products run (each in its own sub-manager)
     */
    public CraPipeline(LowResolutionModel model, double tolerance, NDManager manager) {
        this.model = model;
        this.tolerance = tolerance;
        this.manager = manager;
    }

    /** What one region's fill did. */
    public record RegionReport(Rectangle region, NetworkSize networkSize, int targetCells, int sourceCells,
            double maxDroppedMass, int featherRadius) {}

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
        float[] small = AreaDownsampler.downsample(photo, region, size);
        float[] hole = AreaDownsampler.downsampleHole(mask, region, size);
        times.add(StageTimes.DOWN_SAMPLE, t);

        t = System.nanoTime();
        LowResolutionResult low = model.inpaint(toNetworkRange(small), hole, size);
        times.add(StageTimes.NETWORK, t);

        t = System.nanoTime();
        CellGrid grid = new CellGrid(region, size.gridRows(), size.gridCols());
        double scale = Math.max((double) region.width / size.width(), (double) region.height / size.height());
        OutwardFeather feather = OutwardFeather.forScale(scale);
        float[][] cellWeights = new float[grid.cellCount()][];
        IntStream.range(0, grid.cellCount()).parallel()
                .filter(j -> touchesHole(mask, grid.cell(j), feather.radius(), region))
                .forEach(j -> cellWeights[j] = feather.weights(mask, grid.cell(j), region));
        int[] targets = IntStream.range(0, grid.cellCount()).filter(j -> cellWeights[j] != null).toArray();
        times.add(StageTimes.COMPOSITE, t);

        ContextResiduals residuals = new ContextResiduals(photo, mask, region, small, size, grid);
        ResidualAggregation aggregation = ResidualAggregation.prepare(residuals, low.attention(), targets, tolerance);
        float[] fill = toByteRange(low.pasted());
        BilinearUpsampler up = new BilinearUpsampler(size.height(), size.width(), region.height, region.width);
        WritableRaster out = output.getRaster();
        RasterRgb access = RasterRgb.of(output);
        aggregation.forEachRow(manager, (k, v, residual) -> {
            Rectangle cell = grid.cell(targets[k]);
            float[] rgb = new float[3 * cell.width];
            up.sampleRow(fill, cell.y + v - region.y, cell.x - region.x, cell.width, rgb);
            for (int i = 0; i < rgb.length; i++) {
                rgb[i] = Math.max(0f, Math.min(255f, rgb[i] + residual[i]));
            }
            float[] w = Arrays.copyOfRange(cellWeights[targets[k]], v * cell.width, (v + 1) * cell.width);
            access.blendRow(out, cell.x, cell.y + v, cell.width, rgb, w, access.newScratch(cell.width));
        }, times);

        if (pictures != null) {
            new StagePictures(pictures, size, region, manager)
                    .emit(small, hole, low, residuals, aggregation, targets, up, fill);
        }
        return new RegionReport(region, size, targets.length, aggregation.sourceCount(),
                aggregation.maxDroppedMass(), feather.radius());
    }

    /** Whether a hole pixel lies within {@code radius} pixels (per axis) of the cell, inside the region. */
    static boolean touchesHole(HoleMask mask, Rectangle cell, int radius, Rectangle region) {
        Rectangle reach = new Rectangle(cell.x - radius, cell.y - radius, cell.width + 2 * radius,
                cell.height + 2 * radius).intersection(region);
        for (int y = reach.y; y < reach.y + reach.height; y++) {
            if (mask.nextHole(y, reach.x, reach.x + reach.width) >= 0) {
                return true;
            }
        }
        return false;
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
