package dualmcmc.app.chart;

import javafx.scene.paint.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Font;

/** Shared chart styling: white plots, light grid, no chart-junk, the paper's symbols on the axes. */
public final class Charts {
    public static final Font TITLE = new Font("SansSerif", Font.BOLD, 13);
    public static final Font LABEL = new Font("SansSerif", Font.PLAIN, 12);
    public static final Font TICK = new Font("SansSerif", Font.PLAIN, 11);
    private static final java.awt.Color GRID = new java.awt.Color(0xe3, 0xe6, 0xea);
    private static final java.awt.Color AXIS = new java.awt.Color(0x57, 0x60, 0x6a);

    private Charts() {
    }

    /** What an empty chart says instead of showing bare axes. */
    public static void noDataMessage(JFreeChart chart, String text) {
        XYPlot plot = chart.getXYPlot();
        plot.setNoDataMessage(text);
        plot.setNoDataMessageFont(LABEL);
        plot.setNoDataMessagePaint(AXIS);
    }

    /** A line chart over one collection, styled; series are added by the caller. */
    public static JFreeChart lineChart(String title, String xLabel, String yLabel, XYSeriesCollection data,
                                       boolean legend) {
        NumberAxis x = new NumberAxis(xLabel);
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(false);
        x.setAutoRangeIncludesZero(false);
        styleAxis(x);
        styleAxis(y);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(java.awt.Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setOutlineVisible(false);
        plot.setAxisOffset(new RectangleInsets(2, 2, 2, 2));
        JFreeChart chart = new JFreeChart(null, LABEL, plot, legend);
        chart.setTitle(new TextTitle(title, TITLE));
        chart.getTitle().setPaint(new java.awt.Color(0x24, 0x29, 0x2f));
        chart.getTitle().setHorizontalAlignment(org.jfree.chart.ui.HorizontalAlignment.LEFT);
        chart.getTitle().setPadding(new RectangleInsets(4, 8, 2, 4));
        chart.setBackgroundPaint(java.awt.Color.WHITE);
        chart.setBorderVisible(false);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(2, 2, 4, 8));
        if (legend) {
            LegendTitle l = chart.getLegend();
            l.setItemFont(TICK);
            l.setFrame(org.jfree.chart.block.BlockBorder.NONE);
            l.setPosition(RectangleEdge.TOP);
            l.setBackgroundPaint(java.awt.Color.WHITE);
        }
        return chart;
    }

    private static void styleAxis(NumberAxis a) {
        a.setLabelFont(LABEL);
        a.setTickLabelFont(TICK);
        a.setLabelPaint(AXIS);
        a.setTickLabelPaint(AXIS);
        a.setAxisLinePaint(GRID);
        a.setTickMarkPaint(GRID);
    }

    /**
     * Switches the value axis between linear and logarithmic. The log axis is symmetric about zero
     * (JFreeChart's allow-negatives mode, linear within +-10 of it) since the EBM's loss and the
     * energies change sign.
     */
    public static void logScale(JFreeChart chart, boolean log) {
        XYPlot plot = chart.getXYPlot();
        String label = plot.getRangeAxis().getLabel();
        NumberAxis axis;
        if (log) {
            LogarithmicAxis a = new LogarithmicAxis(label);
            a.setAllowNegativesFlag(true);
            axis = a;
        } else {
            axis = new NumberAxis(label);
            axis.setAutoRangeIncludesZero(false);
        }
        plot.setRangeAxis(axis);
        // the new axis takes the theme's colours and the UI's text size as the chart's others have them
        ink(chart, Ink.current());
        fonts(chart, TEXT.get());
    }

    /**
     * How much thicker than usual lines and points are drawn: 1, or more in presenter mode, so
     * that they carry across a lecture room.
     */
    public static final Look<Double> STROKE = new Look<>("stroke", 1.0);

    /** The UI scale: chart text grows with the rest of the window's (Settings, presenter mode). */
    public static final Look<Double> TEXT = new Look<>("text", 1.0);

    private static Font scaled(Font f, double k) {
        return f.deriveFont((float) (f.getSize2D() * k));
    }

    private static void fonts(JFreeChart chart, double k) {
        // one redraw for all the changes, not one per setter
        chart.setNotify(false);
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(scaled(TITLE, k));
        }
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(scaled(TICK, k));
        }
        XYPlot plot = chart.getXYPlot();
        plot.setNoDataMessageFont(scaled(LABEL, k));
        for (org.jfree.chart.axis.ValueAxis a : new org.jfree.chart.axis.ValueAxis[]{plot.getDomainAxis(),
                plot.getRangeAxis()}) {
            if (a != null) {
                a.setLabelFont(scaled(LABEL, k));
                a.setTickLabelFont(scaled(TICK, k));
            }
        }
        chart.setNotify(true);
    }

    private static void scaleStrokes(JFreeChart chart, double k) {
        if (k == 1) {
            return;
        }
        chart.setNotify(false);
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
        for (int i = 0; i < chart.getXYPlot().getSeriesCount(); i++) {
            if (r.getSeriesStroke(i) instanceof BasicStroke s) {
                r.setSeriesStroke(i, new BasicStroke((float) (s.getLineWidth() * k), s.getEndCap(), s.getLineJoin()));
            }
        }
        chart.setNotify(true);
    }

    /** Paints the chart's background, title, legend, axes and grid in the theme's colours. */
    public static void ink(JFreeChart chart, Ink ink) {
        chart.setNotify(false);
        java.awt.Color bg = Roles.awt(ink.background());
        java.awt.Color text = Roles.awt(ink.text());
        java.awt.Color muted = Roles.awt(ink.muted());
        java.awt.Color grid = Roles.awt(ink.grid());
        chart.setBackgroundPaint(bg);
        if (chart.getTitle() != null) {
            chart.getTitle().setPaint(text);
        }
        if (chart.getLegend() != null) {
            chart.getLegend().setBackgroundPaint(bg);
            chart.getLegend().setItemPaint(text);
        }
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(bg);
        plot.setDomainGridlinePaint(grid);
        plot.setRangeGridlinePaint(grid);
        plot.setNoDataMessagePaint(muted);
        for (int i = 0; i < plot.getRangeAxisCount(); i++) {
            inkAxis(plot.getRangeAxis(i), muted, grid);
        }
        for (int i = 0; i < plot.getDomainAxisCount(); i++) {
            inkAxis(plot.getDomainAxis(i), muted, grid);
        }
        chart.setNotify(true);
    }

    private static void inkAxis(org.jfree.chart.axis.ValueAxis a, java.awt.Color muted, java.awt.Color grid) {
        if (a != null) {
            a.setLabelPaint(muted);
            a.setTickLabelPaint(muted);
            a.setAxisLinePaint(grid);
            a.setTickMarkPaint(grid);
        }
    }

    /** Sets the paint and width of series {@code i}; translucent when alpha is below 1. */
    public static void style(JFreeChart chart, int i, Color c, double alpha, float width, boolean inLegend) {
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
        r.setSeriesPaint(i, Roles.awt(c, alpha));
        r.setSeriesStroke(i, new BasicStroke((float) (width * STROKE.get()), BasicStroke.CAP_ROUND,
                BasicStroke.JOIN_ROUND));
        r.setSeriesVisibleInLegend(i, inLegend);
    }

    /** The red marker at the current step of a chain profile. */
    public static ValueMarker stepMarker(XYPlot plot) {
        ValueMarker m = new ValueMarker(0, Roles.awt(Roles.MARKER), new BasicStroke(2f));
        plot.addDomainMarker(m);
        return m;
    }

    public static ChartViewer viewer(JFreeChart chart, String id) {
        ChartViewer v = new ChartViewer(chart);
        Ink.follow(v, ink -> ink(chart, ink));
        TEXT.follow(v, k -> fonts(chart, k));
        double[] applied = {STROKE.get()};
        STROKE.follow(v, f -> {
            scaleStrokes(chart, f / applied[0]);
            applied[0] = f;
        });
        v.setId(id);
        v.setMinSize(120, 100);
        v.setPrefSize(400, 260);
        return v;
    }

    public static XYSeries series(String name) {
        return new XYSeries(name, false, true);
    }
}
