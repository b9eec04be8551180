package org.hifill.training;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.hifill.image.PhotoWriter;
import org.hifill.image.WriteOptions;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The curves of a run folder, drawn from its CSV files to {@value #LOSSES_CHART} (the generator's
 * L1 terms and, when a critic is trained, its Wasserstein estimate, as moving averages) and
 * {@value #VALIDATION_CHART} (validation in-hole L1 and PSNR, with the plain baselines as
 * dashed horizontal lines).
 */
final class TrainingCharts {

    static final String LOSSES_CHART = "losses.png";
    static final String VALIDATION_CHART = "validation.png";

    private static final int WIDTH = 900;
    private static final int PANEL_HEIGHT = 280;
    /** Moving averages span about this fraction of the steps logged. */
    private static final int SMOOTHING_DIVISOR = 100;

    /** Series colours by position, the same in every panel so that one legend serves them all. */
    private static final Color[] COLOURS = {new Color(0xD62728), new Color(0x1F77B4), new Color(0x2CA02C),
        new Color(0xFF7F0E)};

    private TrainingCharts() {}

    /** Draws both charts of {@code runDir} from its logs, replacing earlier ones. */
    static void draw(Path runDir) throws IOException {
        CsvColumns losses = CsvColumns.read(runDir.resolve(TrainingRun.LOSSES), StepLosses.CSV_HEADER);
        CsvColumns validation = CsvColumns.read(runDir.resolve(TrainingRun.VALIDATION), ValidationScores.CSV_HEADER);
        Map<String, ValidationScores> baselines = Baselines.read(runDir.resolve(Baselines.FILE));
        write(lossChart(losses), 1 + (losses.hasValues("d_wasserstein") ? 1 : 0), runDir.resolve(LOSSES_CHART));
        write(validationChart(validation, baselines), 2, runDir.resolve(VALIDATION_CHART));
    }

    private static JFreeChart lossChart(CsvColumns log) {
        double[] steps = log.column("step");
        int window = Math.max(1, log.rows() / SMOOTHING_DIVISOR);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new NumberAxis("generator step"));
        plot.add(panel("L1 (x1 + x2)", series(steps, log.column("g_hole_l1"), window, "in-hole"),
                series(steps, log.column("g_context_l1"), window, "context")));
        if (log.hasValues("d_wasserstein")) {
            plot.add(panel("critic", series(steps, log.column("d_wasserstein"), window, "D(fake) - D(real)")));
        }
        JFreeChart chart = new JFreeChart("Training losses (moving average over " + window + " steps)",
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static JFreeChart validationChart(CsvColumns log, Map<String, ValidationScores> baselines) {
        double[] steps = log.column("step");
        double last = steps.length == 0 ? 1 : steps[steps.length - 1];
        XYSeries[] l1 = new XYSeries[baselines.size() + 1];
        XYSeries[] psnr = new XYSeries[baselines.size() + 1];
        l1[0] = series(steps, log.column("hole_l1"), 1, "generator");
        psnr[0] = series(steps, log.column("psnr"), 1, "generator");
        int i = 1;
        for (Map.Entry<String, ValidationScores> baseline : baselines.entrySet()) {
            l1[i] = level(baseline.getKey(), baseline.getValue().holeL1(), last);
            psnr[i] = level(baseline.getKey(), baseline.getValue().psnr(), last);
            i++;
        }
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new NumberAxis("generator step"));
        plot.add(withBaselines(panel("in-hole L1 (0-255)", l1)));
        plot.add(withBaselines(panel("PSNR (dB)", psnr)));
        JFreeChart chart = new JFreeChart("Validation (dashed: plain baselines)", JFreeChart.DEFAULT_TITLE_FONT, plot,
                false);
        chart.addLegend(new LegendTitle(plot.getSubplots().get(0)));
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** A horizontal line at {@code value} over steps 0 to {@code last}. */
    private static XYSeries level(String name, double value, double last) {
        XYSeries series = new XYSeries(name, false);
        series.add(0, value);
        series.add(last, value);
        return series;
    }

    /** Marks the generator's points and dashes every later series (the baselines). */
    private static XYPlot withBaselines(XYPlot plot) {
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
        renderer.setSeriesShapesVisible(0, true);
        for (int s = 0; s < plot.getDataset().getSeriesCount(); s++) {
            renderer.setSeriesPaint(s, COLOURS[s % COLOURS.length]);
        }
        for (int s = 1; s < plot.getDataset().getSeriesCount(); s++) {
            renderer.setSeriesStroke(s, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f,
                    new float[] {6f, 4f}, 0f));
        }
        return plot;
    }

    private static XYPlot panel(String label, XYSeries... series) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (XYSeries s : series) {
            data.addSeries(s);
        }
        NumberAxis range = new NumberAxis(label);
        range.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, null, range, new XYLineAndShapeRenderer(true, false));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        return plot;
    }

    /** Moving average over {@code window} rows (NaN cells skipped), one point per row. */
    private static XYSeries series(double[] steps, double[] values, int window, String name) {
        XYSeries series = new XYSeries(name, false);
        double sum = 0;
        int count = 0;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                sum += values[i];
                count++;
            }
            if (i >= window && !Double.isNaN(values[i - window])) {
                sum -= values[i - window];
                count--;
            }
            if (count > 0 && (i + 1) % window == 0) {
                series.add(steps[i], sum / count);
            }
        }
        return series;
    }

    private static void write(JFreeChart chart, int panels, Path file) throws IOException {
        PhotoWriter.write(chart.createBufferedImage(WIDTH, 80 + panels * PANEL_HEIGHT), file, WriteOptions.defaults());
    }
}
