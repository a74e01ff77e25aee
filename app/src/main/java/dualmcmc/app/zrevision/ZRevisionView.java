package dualmcmc.app.zrevision;

import dualmcmc.engine.session.DataInfo;
import dualmcmc.app.MainModel;
import dualmcmc.app.chain.ZChainPainter;
import dualmcmc.app.chain.ChangeView;
import dualmcmc.app.chain.RuleBar;
import dualmcmc.app.chart.ImageGrid;
import dualmcmc.app.chart.PlotCanvas;
import dualmcmc.app.chart.ProfileChart;
import dualmcmc.app.chart.Roles;
import dualmcmc.app.widget.ChainSettingsBar;
import dualmcmc.app.widget.PlaybackBar;
import dualmcmc.engine.mcmc.ChainInit;
import dualmcmc.engine.mcmc.ChainKind;
import dualmcmc.engine.mcmc.ChainTrace;
import dualmcmc.engine.mcmc.Revision;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.List;

/**
 * Generator-guided z-revision, step by step: for picked data points (click in the data plane) or a
 * row of test images, the start z_0, the chain z_tau and its decoding g(z_tau) moving toward x; for
 * a 2-D latent, the latent plane with the chain's target U(z) for the selected point and the z trajectories;
 * beside it the reconstruction MSE per step with a marker at the current step.
 */
public final class ZRevisionView extends BorderPane {
    private static final int GRID_COLUMNS = 9;
    private final MainModel main;
    private final ZRevisionViewModel vm;
    private final PlotCanvas dataPlot = new PlotCanvas();
    private final PlotCanvas latentPlot = new PlotCanvas();
    private final ChangeView change = new ChangeView("z", "g(z\u2080)");
    private final ImageGrid grid = new ImageGrid();
    private final HBox planes = new HBox(6, dataPlot, latentPlot);
    private final StackPane left = new StackPane();
    private final ProfileChart profile = new ProfileChart("Reconstruction error over the z-revision",
            "MSE ||x - g(z\u209c)||\u00b2 / D", "mseProfile");
    private final PlaybackBar playback = new PlaybackBar("z", "k_z");
    private final Label header = new Label();
    private final Label caption = new Label();

    public ZRevisionView(MainModel main, ZRevisionViewModel vm) {
        this.main = main;
        this.vm = vm;
        setId("zrevisionView");
        getStyleClass().add("view");
        header.getStyleClass().add("view-title");
        caption.getStyleClass().add("view-subtitle");
        caption.setWrapText(true);
        ChainSettingsBar bar = new ChainSettingsBar("z", main, vm.settingsProperty(),
                new String[]{"z_steps", "z_step", "z_noise"},
                new String[]{"from inference z\u2080 ~ q(z|x)", "from noise z\u2080 ~ N(0, I)"},
                new String[]{"Dual-MCMC: start the generator's posterior Langevin chain at a sample of the inference "
                        + "model q(z|x): already close, so few steps suffice",
                        "Baseline (alternating back-propagation): start at prior noise z\u2080 ~ N(0, \u03c3_p\u00b2 I)"},
                i -> vm.initProperty().set(i == 0 ? ChainInit.INFERENCE : ChainInit.NOISE),
                vm::resample, vm::run);
        Button clear = new Button("Clear picks", new FontIcon(Feather.X_CIRCLE));
        clear.setId("zClearPicks");
        clear.setTooltip(new Tooltip("Remove the picked data points; click in the data plane to pick new ones"));
        clear.setOnAction(e -> vm.clearPicks());
        bar.getChildren().add(bar.getChildren().size() - 2, clear);
        change.managedProperty().bind(change.visibleProperty());
        change.showChangeProperty().addListener((o, a, b) -> drawStep());
        change.amplifyProperty().addListener((o, a, b) -> drawStep());
        VBox top = new VBox(2, header, caption, new RuleBar(ChainKind.Z, main, vm.settingsProperty()), bar, change);
        top.setPadding(new Insets(10, 14, 0, 14));
        setTop(top);

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
        left.setPadding(new Insets(6, 4, 6, 10));
        SplitPane split = new SplitPane(left, profile.viewer());
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.64);
        setCenter(split);
        setBottom(playback);

        vm.resultProperty().addListener((o, a, b) -> show(b));
        playback.stepProperty().addListener((o, a, b) -> drawStep());
        main.dataProperty().addListener((o, a, b) -> layoutFor(b));
        layoutFor(main.dataProperty().get());
    }

    public ChangeView change() {
        return change;
    }

    public ImageGrid grid() {
        return grid;
    }

    public PlaybackBar playback() {
        return playback;
    }

    public ProfileChart profile() {
        return profile;
    }

    public ZRevisionViewModel viewModel() {
        return vm;
    }

    private void layoutFor(DataInfo info) {
        if (info == null) {
            return;
        }
        header.setText("z-revision (generator-guided) \u00b7 " + info.name());
        left.getChildren().setAll(info.image() ? grid : planes);
        change.setVisible(info.image());
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

    private void show(ZRevisionViewModel.Result r) {
        if (r == null) {
            drawStep();
            return;
        }
        ChainTrace t = r.trace();
        int k = t.steps();
        String from = t.init() == ChainInit.NOISE ? "prior noise" : "the inference model q(z|x)";
        caption.setText(String.format("%d chains from %s, k_z = %d, s_z = %s, n_z = %s, on the generator of iteration "
                        + "%d.  Mean MSE %.4f \u2192 %.4f.", t.chains(), from, k, fmt(r.settings().stepSize()),
                fmt(r.settings().noise()), r.iteration(), t.mean(0), t.mean(k)));
        double[][] chains = new double[t.chains()][];
        for (int c = 0; c < chains.length; c++) {
            chains[c] = t.profile(c);
        }
        profile.setProfiles(t.meanProfile(), chains, ZChainPainter.chainColor(t),
                "mean over " + t.chains() + " chains");
        int old = playback.stepProperty().get();
        playback.maxStepProperty().set(k);
        if (old > k || old == 0) {
            playback.stepProperty().set(k);
        }
        drawStep();
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.3g", v);
    }

    private void drawStep() {
        ZRevisionViewModel.Result r = vm.resultProperty().get();
        DataInfo info = main.dataProperty().get();
        int step = playback.stepProperty().get();
        profile.setStep(step);
        if (info == null) {
            return;
        }
        if (r == null) {
            if (!info.image()) {
                dataPlot.clearLayers();
                dataPlot.addPoints(info.points(), Roles.DATA, 1.5, 0.5);
                for (float[] p : vm.picks()) {
                    dataPlot.addCross(p[0], p[1], dualmcmc.app.chart.Ink.current().text(), 5);
                }
                dataPlot.redraw();
            }
            return;
        }
        ChainTrace t = r.trace();
        step = Math.min(step, t.steps());
        Color c = ZChainPainter.chainColor(t);
        Color start = ZChainPainter.startColor(t);
        int n = t.recordedChains().length;
        if (info.image()) {
            drawImages(r, t, step, n, c, start, info);
            return;
        }
        ZChainPainter.paintData(dataPlot, info.points(), t, r.targets(), r.selected(), step,
                "Data space: g(z\u209c) moves toward the picked x \u00b7 \u03c4 = " + step);

        double[] lb = r.latentBounds();
        latentPlot.setBounds(lb[0], lb[1], lb[2], lb[3]);
        latentPlot.setTitle(r.posteriorEnergy() != null
                ? "Latent plane: the chain's target U(z) = ||x \u2212 g(z)||\u00b2/\u03c3\u00b2 + ||z||\u00b2/2\u03c3\u209a\u00b2 for the selected x"
                : "Latent plane (first two of " + t.state(0, 0).length + " dimensions)");
        latentPlot.setHeatmap(r.posteriorEnergy(), r.posteriorEnergy() == null ? null : "U(z), low = dark");
        latentPlot.clearLayers();
        int sel = r.selected();
        if (sel < r.qMu().length && r.qMu()[sel].length >= 2) {
            latentPlot.addEllipse(r.qMu()[sel][0], r.qMu()[sel][1], 2 * r.qSd()[sel][0], 2 * r.qSd()[sel][1],
                    Roles.GENERATOR);
        }
        for (int ch = 0; ch < n; ch++) {
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

    private void drawImages(ZRevisionViewModel.Result r, ChainTrace t, int step, int n, Color c, Color start,
                            DataInfo info) {
        int k = t.steps();
        List<Integer> steps = new ArrayList<>();
        int m = Math.min(GRID_COLUMNS, k + 1);
        for (int i = 0; i < m; i++) {
            int s = m == 1 ? 0 : (int) Math.round((double) i * k / (m - 1));
            if (!steps.contains(s)) {
                steps.add(s);
            }
        }
        int cols = steps.size() + 1;
        float[][] cells = new float[n * cols][];
        for (int ch = 0; ch < n; ch++) {
            cells[ch * cols] = r.targets()[ch];
            for (int i = 0; i < steps.size(); i++) {
                cells[ch * cols + 1 + i] = t.decoded(steps.get(i), ch);
            }
        }
        List<String> labels = new ArrayList<>();
        labels.add("x");
        Color[] colColors = new Color[cols];
        colColors[0] = Roles.DATA;
        int hl = 1;
        for (int i = 0; i < steps.size(); i++) {
            labels.add("g(z" + sub(steps.get(i)) + ")");
            colColors[i + 1] = i == 0 ? start : c;
            if (steps.get(i) <= step) {
                hl = i + 1;
            }
        }
        List<String> rows = new ArrayList<>();
        double[] moved = Revision.meanAbsChange(t, step);
        for (int ch = 0; ch < n; ch++) {
            rows.add(String.format("MSE %.3f  \u0394=%.3f", t.value(step, ch), moved[ch]));
        }
        String scale = change.apply(grid, cells, n, cols, 1, 2);
        grid.setTitle("Rows: a test image x, then g(z\u209c) along its chain (\u03c4 = " + step + " in red)" + scale);
        grid.setImages(cells, n, cols, info.channels(), info.height(), info.width());
        grid.setLabels(labels, rows);
        grid.setColumnColors(colColors);
        grid.setHighlightColumn(hl);
        grid.redraw();
    }

    private static String sub(int v) {
        StringBuilder b = new StringBuilder();
        for (char ch : Integer.toString(v).toCharArray()) {
            b.append((char) ('\u2080' + (ch - '0')));
        }
        return b.toString();
    }
}
