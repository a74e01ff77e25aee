package dualmcmc.app.zrevision;

import dualmcmc.app.MainModel;
import dualmcmc.app.chain.ChainView;
import dualmcmc.app.chain.ZChainPainter;
import dualmcmc.app.chart.Ink;
import dualmcmc.app.chart.PlotCanvas;
import dualmcmc.app.chart.Roles;
import dualmcmc.engine.mcmc.ChainInit;
import dualmcmc.engine.mcmc.ChainKind;
import dualmcmc.engine.mcmc.ChainTrace;
import dualmcmc.engine.session.DataInfo;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.paint.Color;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Generator-guided z-revision, step by step: for picked data points (click in the data plane) or a
 * row of test images, the start z_0, the chain z_tau and its decoding g(z_tau) moving toward x; for
 * a 2-D latent, the latent plane with the chain's target U(z) for the selected point and the z
 * trajectories; beside it the reconstruction MSE per step with a marker at the current step.
 */
public final class ZRevisionView extends ChainView<ZRevisionViewModel.Result> {
    private static final Spec SPEC = new Spec("zrevisionView", ChainKind.Z, "z-revision (generator-guided)",
            "the generator", "the inference model q(z|x)", "prior noise", "MSE", "%.4f",
            "Reconstruction error over the z-revision", "MSE ||x - g(z\u209c)||\u00b2 / D", "mseProfile",
            Integer.MAX_VALUE, "g(z\u2080)", new String[]{"z_steps", "z_step", "z_noise"},
            new String[]{"from inference z\u2080 ~ q(z|x)", "from noise z\u2080 ~ N(0, I)"},
            new String[]{"Dual-MCMC: start the generator's posterior Langevin chain at a sample of the inference "
                    + "model q(z|x): already close, so few steps suffice",
                    "Baseline (alternating back-propagation): start at prior noise z\u2080 ~ N(0, \u03c3_p\u00b2 I)"},
            ChainInit.INFERENCE, Orientation.VERTICAL, 0.64, 9);
    private final PlotCanvas dataPlot = new PlotCanvas();
    private final PlotCanvas latentPlot = new PlotCanvas();
    private final HBox planes = new HBox(6, dataPlot, latentPlot);
    private final ZRevisionViewModel model;

    public ZRevisionView(MainModel main, ZRevisionViewModel vm) {
        super(main, vm, SPEC);
        model = vm;
        Button clear = new Button("Clear picks", new FontIcon(Feather.X_CIRCLE));
        clear.setId("zClearPicks");
        clear.setTooltip(new Tooltip("Remove the picked data points; click in the data plane to pick new ones"));
        clear.setOnAction(e -> vm.clearPicks());
        bar.getChildren().add(bar.getChildren().size() - 2, clear);
        dataPlot.setId("zDataPlot");
        latentPlot.setId("zLatentPlot");
        grid.setId("zGrid");
        Tooltip.install(grid, new Tooltip("One row per test image x, then the chain's decodings g(z\u209c). Beside each "
                + "row: the per-pixel MSE to x and \u0394 = mean |g(z\u209c) \u2212 g(z\u2080)| per pixel at the current step"));
        dataPlot.setAxisLabels("x\u2081", "x\u2082");
        latentPlot.setAxisLabels("z\u2081", "z\u2082");
        dataPlot.setOnPick(vm::pick);
        Tooltip.install(dataPlot, new Tooltip("Click to pick a data point x: its latent is inferred, revised by "
                + "generator-guided Langevin, and g(z\u209c) moves toward x"));
        Tooltip.install(latentPlot, new Tooltip("Latent plane: U(z) = ||x - g(z)||\u00b2/\u03c3\u00b2 + ||z||\u00b2/2\u03c3\u209a\u00b2, "
                + "the function the chain descends, for the selected point (dark = likely; the exact -log p(z|x) "
                + "halves the first term), "
                + "q(z|x) as a dashed 2\u03c3 ellipse, and each chain z\u2080 \u2192 z\u209c"));
        Tooltip.install(profile.viewer(), new Tooltip("Per-pixel reconstruction error ||x - g(z\u209c)||\u00b2 / D per "
                + "Langevin step: mean (thick) and individual chains (thin); red line = current step"));
        HBox.setHgrow(dataPlot, Priority.ALWAYS);
        HBox.setHgrow(latentPlot, Priority.ALWAYS);
        start();
    }

    @Override
    protected Node pointsView() {
        return planes;
    }

    @Override
    protected void resetPoints(DataInfo info) {
        if (!info.image()) {
            dataPlot.setBounds(info.bounds()[0], info.bounds()[1], info.bounds()[2], info.bounds()[3]);
        }
        dataPlot.clearLayers();
        latentPlot.clearLayers();
        latentPlot.setHeatmap(null, null);
        dataPlot.setEmptyMessage("click to pick data points");
        latentPlot.setEmptyMessage("running chains\u2026");
        dataPlot.redraw();
        latentPlot.redraw();
    }

    /** No chains (yet, or the picks were cleared): the data with the picks so far. */
    @Override
    protected void drawEmpty(DataInfo info) {
        if (info.image()) {
            return;
        }
        dataPlot.clearLayers();
        dataPlot.addPoints(info.points(), Roles.DATA, 1.5, 0.5);
        for (float[] p : model.picks()) {
            dataPlot.addCross(p[0], p[1], Ink.current().text(), 5);
        }
        dataPlot.redraw();
    }

    @Override
    protected void drawPoints(ZRevisionViewModel.Result r, int step, DataInfo info) {
        ChainTrace t = r.trace();
        Color c = Roles.chain(t.init());
        ZChainPainter.paintData(dataPlot, info.points(), t, r.targets(), r.selected(), step,
                "Data space: g(z\u209c) moves toward the picked x \u00b7 \u03c4 = " + step);
        double[] lb = r.latentBounds();
        latentPlot.setBounds(lb[0], lb[1], lb[2], lb[3]);
        latentPlot.setTitle(r.posteriorEnergy() != null
                // U(z) itself is typeset in the rule bar above; the title only names it
                ? "Latent plane: the chain's target U(z) for the selected x"
                : "Latent plane (first two of " + t.state(0, 0).length + " dimensions)");
        latentPlot.setHeatmap(r.posteriorEnergy(), r.posteriorEnergy() == null ? null : "U(z), low = dark");
        latentPlot.clearLayers();
        int sel = r.selected();
        if (sel < r.qMu().length && r.qMu()[sel].length >= 2) {
            latentPlot.addEllipse(r.qMu()[sel][0], r.qMu()[sel][1], 2 * r.qSd()[sel][0], 2 * r.qSd()[sel][1],
                    Roles.GENERATOR);
        }
        for (int ch = 0; ch < t.recordedChains().length; ch++) {
            double[][] path = new double[step + 1][];
            for (int s = 0; s <= step; s++) {
                float[] z = t.state(s, ch);
                path[s] = new double[]{z[0], z.length > 1 ? z[1] : 0};
            }
            latentPlot.addPath(path, ch == sel ? c.brighter() : c.deriveColor(0, 1, 1.2, 0.55),
                    ch == sel ? 2.2 : 1.2, 0.95, true);
        }
        latentPlot.addLegend("q(z|x), 2\u03c3", Roles.GENERATOR, PlotCanvas.Mark.LINE);
        latentPlot.addLegend("z\u2080 (ring) \u2192 z\u209c (dot)", c.brighter(), PlotCanvas.Mark.RING);
        latentPlot.redraw();
    }

    /** Each row starts with the observed x the chain revises a latent for. */
    @Override
    protected Lead lead(ZRevisionViewModel.Result r) {
        return new Lead(r.targets(), "x", Roles.DATA);
    }

    @Override
    protected float[] picture(ChainTrace t, int tau, int chain) {
        return t.decoded(tau, chain);
    }

    @Override
    protected String columnLabel(int tau) {
        StringBuilder b = new StringBuilder("g(z");
        for (char ch : Integer.toString(tau).toCharArray()) {
            b.append((char) ('\u2080' + (ch - '0')));
        }
        return b.append(')').toString();
    }

    @Override
    protected Color columnColor(ChainTrace t, int column, int tau) {
        return column == 0 ? Roles.start(t.init()) : Roles.chain(t.init());
    }

    @Override
    protected String rowLabel(double value, double moved) {
        return String.format("MSE %.3f  \u0394=%.3f", value, moved);
    }

    @Override
    protected String gridTitle(int step) {
        return "Rows: a test image x, then g(z\u209c) along its chain (\u03c4 = " + step + " in red)";
    }
}
