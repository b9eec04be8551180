package org.hifill.pipeline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.awt.Rectangle;
import java.util.Arrays;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Contextual residual aggregation (paper section 3.2, Eq. 4): the residual of a hole cell j is
 * the attention-weighted sum of the context cells' residuals, {@code R_j = sum_i A[j,i] R_i}.
 * Only the cells that need it are computed, each row of A is made sparse ({@link SparseAttention}),
 * and context cells that no row keeps are left out. What remains is one matrix product,
 * {@code W (targets x sources) x R (sources x pixels)}, done by the engine in bands of cell rows so
 * that memory stays bounded whatever the photo's size.
 *
 * <p>Cells of unequal size (photo sides that are not multiples of the grid) are matched by
 * clamping: row v, column u of cell j takes row min(v, h_i - 1), column min(u, w_i - 1) of cell i.
 */
public final class ResidualAggregation {

    /**
     * How many times fewer multiply-adds the sparse sum must need than the dense product before
     * it is used: the engine's matrix product is that much faster per multiply-add.
     */
    private static final int SPARSE_ADVANTAGE = 8;

    /** Budget for one band's source and target matrices, in floats. */
    private static final long BAND_FLOATS = 24L << 20;

    private final ContextResiduals residuals;
    private final int[] targets;
    private final int[] sources;
    private final float[] weights;
    private final double maxDroppedMass;
    private final int cellWidth;
    private final int cellHeight;

    private ResidualAggregation(ContextResiduals residuals, int[] targets, int[] sources, float[] weights,
            double maxDroppedMass) {
        this.residuals = residuals;
        this.targets = targets;
        this.sources = sources;
        this.weights = weights;
        this.maxDroppedMass = maxDroppedMass;
        CellGrid grid = residuals.grid();
        int w = 0;
        int h = 0;
        for (int i = 0; i < grid.cellCount(); i++) {
            Rectangle c = grid.cell(i);
            w = Math.max(w, c.width);
            h = Math.max(h, c.height);
        }
        this.cellWidth = w;
        this.cellHeight = h;
    }

    /**
     * Selects the weights of every target cell.
     *
     * @param attention A, row-major L x L
     * @param targets the cells to aggregate for
     * @param tolerance weight each row may leave out (0: the dense sum)
     */
    public static ResidualAggregation prepare(ContextResiduals residuals, float[] attention, int[] targets,
            double tolerance) {
        int cells = residuals.grid().cellCount();
        SparseAttention[] rows = Arrays.stream(targets).parallel()
                .mapToObj(j -> SparseAttention.of(attention, j, cells, tolerance))
                .toArray(SparseAttention[]::new);
        TreeSet<Integer> kept = new TreeSet<>();
        for (SparseAttention row : rows) {
            for (int key : row.keys()) {
                kept.add(key);
            }
        }
        int[] sources = kept.stream().mapToInt(Integer::intValue).toArray();
        float[] weights = new float[targets.length * sources.length];
        double dropped = 0;
        for (int t = 0; t < rows.length; t++) {
            for (int k = 0; k < rows[t].keys().length; k++) {
                weights[t * sources.length + Arrays.binarySearch(sources, rows[t].keys()[k])] = rows[t].weights()[k];
            }
            dropped = Math.max(dropped, rows[t].droppedMass());
        }
        return new ResidualAggregation(residuals, targets, sources, weights, dropped);
    }

    /** Number of weights kept over all rows. */
    public long keptWeights() {
        long n = 0;
        for (float w : weights) {
            n += w != 0f ? 1 : 0;
        }
        return n;
    }

    /** W x R by the engine, for rows that keep many weights. */
    private float[] denseProduct(NDManager manager, float[] source, int columns) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray w = scope.create(weights, new Shape(targets.length, sources.length));
            NDArray r = scope.create(source, new Shape(sources.length, columns));
            return w.matMul(r).toFloatArray();
        }
    }

    /** W x R as weighted sums of the kept sources only, for sharp rows. */
    private float[] sparseProduct(float[] source, int columns) {
        float[] out = new float[targets.length * columns];
        IntStream.range(0, targets.length).parallel().forEach(k -> {
            int row = k * columns;
            for (int s = 0; s < sources.length; s++) {
                float w = weights[k * sources.length + s];
                if (w == 0f) {
                    continue;
                }
                int from = s * columns;
                for (int i = 0; i < columns; i++) {
                    out[row + i] += w * source[from + i];
                }
            }
        });
        return out;
    }

    /** Number of context cells whose residual enters the product. */
    public int sourceCount() {
        return sources.length;
    }

    /** The largest weight any row left out. */
    public double maxDroppedMass() {
        return maxDroppedMass;
    }

    /** Receives one row of a target cell's aggregated residual. */
    @FunctionalInterface
    public interface RowConsumer {
        /**
         * @param t the index into the targets
         * @param v the row within the cell
         * @param residual interleaved RGB; 3 x (cell width) values from {@code offset} belong to the row
         * @param offset where the row starts in {@code residual}
         */
        void accept(int t, int v, float[] residual, int offset);
    }

    /**
     * Computes every target's aggregated residual, a band of cell rows at a time, and hands each
     * row to {@code consumer} (called from several threads, never twice for a row).
     */
    public void forEachRow(NDManager manager, RowConsumer consumer, StageTimes times) {
        if (targets.length == 0) {
            return;
        }
        int rowFloats = 3 * cellWidth;
        int band = (int) Math.max(1, Math.min(cellHeight,
                BAND_FLOATS / ((long) (sources.length + targets.length) * rowFloats)));
        CellGrid grid = residuals.grid();
        boolean sparse = keptWeights() * SPARSE_ADVANTAGE < (long) targets.length * sources.length;
        for (int v0 = 0; v0 < cellHeight; v0 += band) {
            int start = v0;
            int end = Math.min(cellHeight, v0 + band);
            int rows = end - start;
            long t = System.nanoTime();
            float[] source = new float[sources.length * rows * rowFloats];
            IntStream.range(0, sources.length).parallel().forEach(s ->
                    residuals.rows(sources[s], start, end, cellWidth, source, s * rows * rowFloats));
            float[] aggregated = sparse ? sparseProduct(source, rows * rowFloats) : denseProduct(manager, source,
                    rows * rowFloats);
            times.add(StageTimes.AGGREGATION, t);
            t = System.nanoTime();
            IntStream.range(0, targets.length).parallel().forEach(k -> {
                Rectangle cell = grid.cell(targets[k]);
                for (int v = start; v < Math.min(end, cell.height); v++) {
                    consumer.accept(k, v, aggregated, (k * rows + v - start) * rowFloats);
                }
            });
            times.add(StageTimes.COMPOSITE, t);
        }
    }
}
