package dualmcmc.app.chain;

import dualmcmc.app.chart.Ink;
import dualmcmc.app.chart.PlotCanvas;
import dualmcmc.app.chart.Roles;
import dualmcmc.engine.mcmc.ChainTrace;
import javafx.scene.paint.Color;

/**
 * Draws 2-D z-chains in data space up to a step: the data, each chain's decoding path
 * g(z_0) -> g(z_tau) and the observed x it revises toward as a cross. The z-revision view and the
 * compare view draw the data plane the same way through this.
 */
public final class ZChainPainter {

    private ZChainPainter() {
    }



    /**
     * Replaces the plot's layers with the decodings of {@code t} up to {@code step} and redraws.
     *
     * @param targets  the observed x of each recorded chain
     * @param selected the chain drawn thick with a red cross, or -1 for none
     */
    public static void paintData(PlotCanvas plot, double[][] data, ChainTrace t, float[][] targets, int selected,
                                 int step, String title) {
        int at = Math.min(step, t.steps());
        Color c = Roles.chain(t.init());
        int n = t.recordedChains().length;
        plot.setTitle(title);
        plot.clearLayers();
        plot.addPoints(data, Roles.DATA, 1.5, 0.45);
        for (int ch = 0; ch < n; ch++) {
            double[][] path = new double[at + 1][];
            for (int s = 0; s <= at; s++) {
                float[] g = t.decoded(s, ch);
                path[s] = new double[]{g[0], g[1]};
            }
            boolean sel = ch == selected;
            plot.addPath(path, sel ? c : c.deriveColor(0, 1, 1, 0.7), sel ? 2.2 : 1.4, 0.9, true);
            if (path.length == 1) {
                plot.addPoints(path, Roles.start(t.init()), 4, 1);
            }
        }
        for (int ch = 0; ch < n && ch < targets.length; ch++) {
            plot.addCross(targets[ch][0], targets[ch][1], ch == selected ? Roles.MARKER : Ink.current().text(), 5);
        }
        plot.addLegend("data", Roles.DATA, PlotCanvas.Mark.DOT);
        plot.addLegend(selected >= 0 ? "picked x (red: selected)" : "observed x", Ink.current().text(), PlotCanvas.Mark.LINE);
        plot.addLegend("g(z\u2080)", c, PlotCanvas.Mark.RING);
        plot.addLegend("g(z\u209c) and its path", c, PlotCanvas.Mark.DOT);
        plot.redraw();
    }
}
