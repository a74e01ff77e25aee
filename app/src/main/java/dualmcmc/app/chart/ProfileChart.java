package dualmcmc.app.chart;

import javafx.scene.paint.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A chain profile as in the paper's Fig. 2: a scalar per Langevin step (energy E(x) or MSE), the
 * mean over chains thick, a few individual chains thin and translucent, and a red marker at the
 * current step.
 */
public final class ProfileChart {
    private final XYSeriesCollection data = new XYSeriesCollection();
    private final JFreeChart chart;
    private final ChartViewer viewer;
    private final ValueMarker marker;

    public ProfileChart(String title, String yLabel, String id) {
        chart = Charts.lineChart(title, "Langevin step \u03c4", yLabel, data, true);
        viewer = Charts.viewer(chart, id);
        marker = Charts.stepMarker(chart.getXYPlot());
        chart.getXYPlot().getDomainAxis().setStandardTickUnits(
                org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
    }

    public ChartViewer viewer() {
        return viewer;
    }

    public JFreeChart chart() {
        return chart;
    }

    /** Replaces the curves: {@code chains} thin in {@code color}, then the mean thick on top. */
    public void setProfiles(double[] mean, double[][] chains, Color color, String meanName) {
        data.removeAllSeries();
        chart.setNotify(false);
        for (int c = 0; c < chains.length; c++) {
            XYSeries s = Charts.series("chain " + c);
            for (int t = 0; t < chains[c].length; t++) {
                s.add(t, chains[c][t], false);
            }
            data.addSeries(s);
            Charts.style(chart, c, color, 0.28, 1.0f, false);
        }
        XYSeries m = Charts.series(meanName);
        for (int t = 0; t < mean.length; t++) {
            m.add(t, mean[t], false);
        }
        data.addSeries(m);
        Charts.style(chart, chains.length, color.darker(), 1.0, 3.2f, true);
        chart.getXYPlot().getDomainAxis().setRange(0, Math.max(1, mean.length - 1));
        chart.setNotify(true);
    }

    /**
     * Replaces the curves with one thick line per entry, each in the legend: profiles of different
     * chains to compare on one axis (the compare view's dual-MCMC start against noise).
     */
    public void setCurves(double[][] curves, Color[] colors, String[] names) {
        data.removeAllSeries();
        chart.setNotify(false);
        int longest = 1;
        for (int i = 0; i < curves.length; i++) {
            XYSeries s = Charts.series(names[i]);
            for (int t = 0; t < curves[i].length; t++) {
                s.add(t, curves[i][t], false);
            }
            data.addSeries(s);
            Charts.style(chart, i, colors[i], 1.0, 3.0f, true);
            longest = Math.max(longest, curves[i].length - 1);
        }
        chart.getXYPlot().getDomainAxis().setRange(0, longest);
        chart.setNotify(true);
    }

    /** Removes every curve (the chart says {@code message} instead). */
    public void clear(String message) {
        data.removeAllSeries();
        Charts.noDataMessage(chart, message);
    }

    /** The number of points of each curve, in order (for tests). */
    public int[] curveSizes() {
        int[] n = new int[data.getSeriesCount()];
        for (int i = 0; i < n.length; i++) {
            n[i] = data.getItemCount(i);
        }
        return n;
    }

    public void setStep(int step) {
        marker.setValue(step);
    }

    /** The marker's position (the current step), for tests. */
    public double markerValue() {
        return marker.getValue();
    }
}
