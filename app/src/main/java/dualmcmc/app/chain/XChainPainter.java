package dualmcmc.app.chain;

import dualmcmc.app.chart.PlotCanvas;
import dualmcmc.app.chart.Roles;
import dualmcmc.engine.mcmc.ChainInit;
import dualmcmc.engine.mcmc.ChainTrace;
import javafx.scene.paint.Color;

/**
 * Draws 2-D x-chains on the EBM's energy landscape up to a step: the data faintly, each recorded
 * chain's path, its start x_0 as a ring (orange from the generator, purple from noise) and x_tau as
 * a dot. The x-revision view and the compare view draw chains the same way through this.
 */
public final class XChainPainter {
    private static final Color DATA = Color.web("#dfe3e8");
    private static final Color DATA_LEGEND = Color.web("#b8bec6");

    private XChainPainter() {
    }



    /**
     * Replaces the plot's layers with the chains of {@code t} up to {@code step} over the heatmap
     * {@code energy} ([row = y][col = x] over the plot's bounds) and redraws it.
     */
    public static void paint(PlotCanvas plot, double[][] data, ChainTrace t, double[][] energy, int step,
                             String title) {
        int at = Math.min(step, t.steps());
        Color c = Roles.chain(t.init());
        Color start = Roles.start(t.init());
        int rec = t.recordedChains().length;
        plot.setHeatmap(energy, "energy E(x), low = dark");
        plot.clearLayers();
        plot.setTitle(title);
        plot.addPoints(data, DATA, 1.3, 0.35);
        double[][] starts = new double[rec][];
        double[][] now = new double[rec][];
        for (int ch = 0; ch < rec; ch++) {
            double[][] path = new double[at + 1][];
            for (int s = 0; s <= at; s++) {
                path[s] = xy(t.state(s, ch));
            }
            plot.addPath(path, c.brighter(), 1.4, 0.85, false);
            starts[ch] = path[0];
            now[ch] = path[at];
        }
        plot.addRings(starts, start, 3.6);
        if (at > 0) {
            plot.addPoints(now, c.brighter(), 3.4, 1.0);
        }
        plot.addLegend("data x", DATA_LEGEND, PlotCanvas.Mark.DOT);
        plot.addLegend(t.init() == ChainInit.NOISE ? "start x\u2080 ~ noise" : "start x\u2080 = g(z)", start,
                PlotCanvas.Mark.RING);
        plot.addLegend("x\u209c and its path", c.brighter(), PlotCanvas.Mark.LINE);
        plot.redraw();
    }

    private static double[] xy(float[] x) {
        return new double[]{x[0], x[1]};
    }
}
