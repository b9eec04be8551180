package org.hifill.evaluation;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.Stroke;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.hifill.image.PhotoWriter;
import org.hifill.image.WriteOptions;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The report's charts, one line per method against the size on a log2 axis: {@value #QUALITY}
 * (L1 whole and hole, PSNR in the hole, and MS-SSIM where the photos are large enough) and
 * {@value #COST} (time per photo on a log scale, and peak memory).
 */
final class EvaluationCharts {

    static final String QUALITY = "quality.png";
    static final String COST = "time.png";

    private static final int WIDTH = 900;
    private static final int PANEL_HEIGHT = 260;
    /** A method's colour and marker, the same in every panel (Tableau's 10 colours; dashed after 10). */
    private static final Color[] COLOURS = {new Color(0x1F77B4), new Color(0xFF7F0E), new Color(0x2CA02C),
        new Color(0xD62728), new Color(0x9467BD), new Color(0x8C564B), new Color(0xE377C2), new Color(0x7F7F7F),
        new Color(0xBCBD22), new Color(0x17BECF)};
    private static final Shape[] SHAPES = DefaultDrawingSupplier.createStandardSeriesShapes();
    private static final Stroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f,
            new float[] {6f, 4f}, 0f);

    private EvaluationCharts() {}

    /** Draws both charts into {@code dir}; returns their file names. */
    static List<String> write(List<EvaluationRow> rows, Path dir) throws IOException {
        List<Summary> summaries = Summary.of(rows);
        List<XYPlot> quality = new ArrayList<>();
        quality.add(panel("L1, whole (0-255)", new NumberAxis(), summaries, s -> s.means().l1()));
        quality.add(panel("L1, hole (0-255)", new NumberAxis(), summaries, s -> s.means().l1Hole()));
        quality.add(panel("PSNR, hole (dB)", new NumberAxis(), summaries, s -> s.means().psnrHole()));
        if (summaries.stream().anyMatch(s -> !Double.isNaN(s.means().msSsim()))) {
            quality.add(panel("MS-SSIM", new NumberAxis(), summaries, s -> s.means().msSsim()));
        }
        write(chart("Quality against size (means over the photos filled)", quality), dir.resolve(QUALITY));
        List<XYPlot> cost = List.of(
                panel("time per photo (s)", secondsAxis(), summaries, Summary::seconds),
                panel("peak memory added (MB)", new NumberAxis(), summaries, Summary::residentGrowth));
        write(chart("Time and memory against size", cost), dir.resolve(COST));
        return List.of(QUALITY, COST);
    }

    private static JFreeChart chart(String title, List<XYPlot> panels) {
        LogAxis sizes = new LogAxis("size (long side, px)");
        sizes.setBase(2);
        sizes.setTickUnit(new NumberTickUnit(1));
        sizes.setNumberFormatOverride(new DecimalFormat("0"));
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(sizes);
        panels.forEach(plot::add);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.addLegend(new LegendTitle(panels.get(0)));
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** Seconds on a log scale, a tick per power of ten. */
    private static LogAxis secondsAxis() {
        LogAxis axis = new LogAxis();
        axis.setTickUnit(new NumberTickUnit(1));
        axis.setNumberFormatOverride(new DecimalFormat("0.####"));
        return axis;
    }

    /** One series per method, a point per size where the value is known (and positive on a log axis). */
    private static XYPlot panel(String label, ValueAxis range, List<Summary> summaries,
            ToDoubleFunction<Summary> value) {
        range.setLabel(label);
        boolean log = range instanceof LogAxis;
        if (range instanceof NumberAxis numbers) {
            numbers.setAutoRangeIncludesZero(false);
        }
        if (range instanceof LogAxis logAxis) {
            logAxis.setSmallestValue(1e-4);
        }
        Map<String, XYSeries> series = new LinkedHashMap<>();
        for (Summary s : summaries) {
            XYSeries line = series.computeIfAbsent(s.method(), m -> new XYSeries(m, true));
            double v = value.applyAsDouble(s);
            if (!Double.isNaN(v) && !Double.isInfinite(v) && (!log || v > 0)) {
                line.add(s.size(), v);
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        series.values().forEach(data::addSeries);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, COLOURS[i % COLOURS.length]);
            renderer.setSeriesShape(i, SHAPES[i % SHAPES.length]);
            if (i >= COLOURS.length) {
                renderer.setSeriesStroke(i, DASHED);
            }
        }
        XYPlot plot = new XYPlot(data, null, range, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        return plot;
    }

    private static void write(JFreeChart chart, Path file) throws IOException {
        int panels = ((CombinedDomainXYPlot) chart.getPlot()).getSubplots().size();
        PhotoWriter.write(chart.createBufferedImage(WIDTH, 120 + panels * PANEL_HEIGHT), file, WriteOptions.defaults());
    }
}
