package dualmcmc.app.xrevision;

import dualmcmc.app.MainModel;
import dualmcmc.app.chain.ChainView;
import dualmcmc.app.chain.XChainPainter;
import dualmcmc.app.chart.PlotCanvas;
import dualmcmc.app.chart.Roles;
import dualmcmc.engine.mcmc.ChainInit;
import dualmcmc.engine.mcmc.ChainKind;
import dualmcmc.engine.mcmc.ChainTrace;
import dualmcmc.engine.session.DataInfo;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.paint.Color;

/**
 * EBM-guided x-revision, step by step: chains from the generator (or noise) on the energy
 * landscape with their trajectories up to the current step (2-D), or a grid with one row per chain
 * and one column per few steps (images); beside it the energy profile E(x_tau) with a marker at
 * the current step, as in the paper's Fig. 2.
 */
public final class XRevisionView extends ChainView<XRevisionViewModel.Result> {
    private static final Spec SPEC = new Spec("xrevisionView", ChainKind.X, "x-revision (EBM-guided)", "the EBM",
            "the generator", "noise", "energy", "%.3f", "Energy profile over the x-revision", "E(x\u209c)",
            "energyProfile", 8, "x\u2080", new String[]{"x_steps", "x_step", "x_noise"},
            new String[]{"from generator x\u2080 = g(z)", "from noise"},
            new String[]{"Dual-MCMC: start the EBM's Langevin chains at generator samples x\u2080 = g(z), z ~ N(0, I)",
                    "Baseline (short-run EBM): start the chains at noise x\u2080 ~ N(0, I) (uniform for images)"},
            ChainInit.GENERATOR, Orientation.HORIZONTAL, 0.56, 11);
    private final PlotCanvas plot = new PlotCanvas();

    public XRevisionView(MainModel main, XRevisionViewModel vm) {
        super(main, vm, SPEC);
        plot.setId("xPlot");
        grid.setId("xGrid");
        Tooltip.install(grid, new Tooltip("One row per chain, one column per few Langevin steps. Beside each row: its "
                + "energy E(x\u209c) and \u0394 = mean |x\u209c \u2212 x\u2080| per pixel at the current step"));
        Tooltip.install(plot, new Tooltip("Energy landscape E(x) (dark = low energy) with each chain's trajectory up "
                + "to the current step: ring = start x\u2080, filled dot = x\u209c"));
        Tooltip.install(profile.viewer(), new Tooltip("Energy E(x\u209c) per Langevin step: mean over chains (thick) "
                + "and individual chains (thin); the red line is the current step"));
        start();
    }

    @Override
    protected Node pointsView() {
        return plot;
    }

    @Override
    protected void resetPoints(DataInfo info) {
        plot.clearLayers();
        plot.setHeatmap(null, null);
        plot.setEmptyMessage("running chains\u2026");
        if (!info.image()) {
            plot.setBounds(info.bounds()[0], info.bounds()[1], info.bounds()[2], info.bounds()[3]);
        }
        plot.redraw();
    }

    @Override
    protected void drawPoints(XRevisionViewModel.Result r, int step, DataInfo info) {
        XChainPainter.paint(plot, info.points(), r.trace(), r.energy(), step,
                "Chains on the energy landscape \u00b7 \u03c4 = " + step + " of " + r.trace().steps());
    }

    @Override
    protected float[] picture(ChainTrace t, int tau, int chain) {
        return t.state(tau, chain);
    }

    @Override
    protected String columnLabel(int tau) {
        return "\u03c4=" + tau;
    }

    /** The first column in the start's colour, then the chain's, more opaque the further along. */
    @Override
    protected Color columnColor(ChainTrace t, int column, int tau) {
        return column == 0 ? Roles.start(t.init())
                : Roles.chain(t.init()).deriveColor(0, 1, 1, 0.35 + 0.65 * tau / Math.max(1.0, t.steps()));
    }

    @Override
    protected String rowLabel(double value, double moved) {
        return String.format("E=%.3f  \u0394=%.4f", value, moved);
    }

    @Override
    protected String gridTitle(int step) {
        return "Rows: chains \u00b7 columns: steps \u03c4";
    }
}
