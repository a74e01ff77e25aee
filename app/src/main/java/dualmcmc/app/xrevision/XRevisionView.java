package dualmcmc.app.xrevision;

import dualmcmc.engine.session.DataInfo;
import dualmcmc.app.MainModel;
import dualmcmc.app.chain.ChangeView;
import dualmcmc.app.chain.RuleBar;
import dualmcmc.app.chain.XChainPainter;
import dualmcmc.app.chart.ImageGrid;
import dualmcmc.app.chart.PlotCanvas;
import dualmcmc.app.chart.ProfileChart;
import dualmcmc.app.widget.ChainSettingsBar;
import dualmcmc.app.widget.PlaybackBar;
import dualmcmc.engine.mcmc.ChainInit;
import dualmcmc.engine.mcmc.ChainKind;
import dualmcmc.engine.mcmc.ChainTrace;
import dualmcmc.engine.mcmc.Revision;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

import java.util.ArrayList;
import java.util.List;

/**
 * EBM-guided x-revision, step by step: chains from the generator (or noise) on the energy
 * landscape with their trajectories up to the current step (2-D), or a grid with one row per chain
 * and one column per few steps (images); beside it the energy profile E(x_tau) with a marker at
 * the current step, as in the paper's Fig. 2.
 */
public final class XRevisionView extends BorderPane {
    private static final int GRID_COLUMNS = 11;
    private final MainModel main;
    private final XRevisionViewModel vm;
    private final PlotCanvas plot = new PlotCanvas();
    private final ImageGrid grid = new ImageGrid();
    private final StackPane left = new StackPane();
    private final ProfileChart profile = new ProfileChart("Energy profile over the x-revision", "E(x\u209c)",
            "energyProfile");
    private final PlaybackBar playback = new PlaybackBar("x", "k_x");
    private final Label header = new Label();
    private final Label caption = new Label();
    private final ChangeView change = new ChangeView("x", "x\u2080");

    public XRevisionView(MainModel main, XRevisionViewModel vm) {
        this.main = main;
        this.vm = vm;
        setId("xrevisionView");
        getStyleClass().add("view");
        header.getStyleClass().add("view-title");
        caption.getStyleClass().add("view-subtitle");
        caption.setWrapText(true);
        ChainSettingsBar bar = new ChainSettingsBar("x", main, vm.settingsProperty(),
                new String[]{"x_steps", "x_step", "x_noise"},
                new String[]{"from generator x\u2080 = g(z)", "from noise"},
                new String[]{"Dual-MCMC: start the EBM's Langevin chains at generator samples x\u2080 = g(z), z ~ N(0, I)",
                        "Baseline (short-run EBM): start the chains at noise x\u2080 ~ N(0, I) (uniform for images)"},
                i -> vm.initProperty().set(i == 0 ? ChainInit.GENERATOR : ChainInit.NOISE),
                vm::resample, vm::run);
        change.managedProperty().bind(change.visibleProperty());
        change.showChangeProperty().addListener((o, a, b) -> drawStep());
        change.amplifyProperty().addListener((o, a, b) -> drawStep());
        VBox top = new VBox(2, header, caption, new RuleBar(ChainKind.X, main, vm.settingsProperty()), bar, change);
        top.setPadding(new Insets(10, 14, 0, 14));
        setTop(top);
        plot.setId("xPlot");
        grid.setId("xGrid");
        Tooltip.install(grid, new Tooltip("One row per chain, one column per few Langevin steps. Beside each row: its "
                + "energy E(x\u209c) and \u0394 = mean |x\u209c \u2212 x\u2080| per pixel at the current step"));
        Tooltip.install(plot, new Tooltip("Energy landscape E(x) (dark = low energy) with each chain's trajectory up "
                + "to the current step: ring = start x\u2080, filled dot = x\u209c"));
        Tooltip.install(profile.viewer(), new Tooltip("Energy E(x\u209c) per Langevin step: mean over chains (thick) "
                + "and individual chains (thin); the red line is the current step"));
        left.setPadding(new Insets(6, 4, 6, 10));
        SplitPane split = new SplitPane(left, profile.viewer());
        split.setDividerPositions(0.56);
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

    public XRevisionViewModel viewModel() {
        return vm;
    }

    private void layoutFor(DataInfo info) {
        if (info == null) {
            return;
        }
        header.setText("x-revision (EBM-guided) \u00b7 " + info.name());
        left.getChildren().setAll(info.image() ? grid : plot);
        change.setVisible(info.image());
        plot.clearLayers();
        plot.setHeatmap(null, null);
        plot.setEmptyMessage("running chains\u2026");
        if (!info.image()) {
            plot.setBounds(info.bounds()[0], info.bounds()[1], info.bounds()[2], info.bounds()[3]);
        }
        plot.redraw();
    }

    private void show(XRevisionViewModel.Result r) {
        if (r == null) {
            return;
        }
        ChainTrace t = r.trace();
        int k = t.steps();
        String from = t.init() == ChainInit.NOISE ? "noise" : "the generator";
        caption.setText(String.format("%d chains from %s, k_x = %d, s_x = %s, n_x = %s, on the EBM of iteration %d."
                        + "  Mean energy %.3f \u2192 %.3f.", t.chains(), from, k, fmt(r.settings().stepSize()),
                fmt(r.settings().noise()), r.iteration(), t.mean(0), t.mean(k)));
        int show = Math.min(8, t.chains());
        double[][] chains = new double[show][];
        for (int c = 0; c < show; c++) {
            chains[c] = t.profile(c);
        }
        profile.setProfiles(t.meanProfile(), chains, XChainPainter.chainColor(t), "mean over " + t.chains() + " chains");
        int old = playback.stepProperty().get();
        playback.maxStepProperty().set(k);
        if (old > k || old == 0 || a0(old)) {
            playback.stepProperty().set(k);
        }
        drawStep();
    }

    /** After a rerun the replay shows the whole chain unless the user is stepping through it. */
    private boolean a0(int old) {
        return !playback.playingProperty().get() && old == playback.maxStepProperty().get();
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.3g", v);
    }

    private void drawStep() {
        XRevisionViewModel.Result r = vm.resultProperty().get();
        DataInfo info = main.dataProperty().get();
        int step = playback.stepProperty().get();
        profile.setStep(step);
        if (r == null || info == null) {
            return;
        }
        ChainTrace t = r.trace();
        step = Math.min(step, t.steps());
        if (info.image()) {
            Color c = XChainPainter.chainColor(t);
            Color start = XChainPainter.startColor(t);
            int rec = t.recordedChains().length;
            int k = t.steps();
            List<Integer> cols = new ArrayList<>();
            int n = Math.min(GRID_COLUMNS, k + 1);
            for (int i = 0; i < n; i++) {
                int s = n == 1 ? 0 : (int) Math.round((double) i * k / (n - 1));
                if (!cols.contains(s)) {
                    cols.add(s);
                }
            }
            int hl = 0;
            for (int i = 0; i < cols.size(); i++) {
                if (cols.get(i) <= step) {
                    hl = i;
                }
            }
            float[][] cells = new float[rec * cols.size()][];
            for (int ch = 0; ch < rec; ch++) {
                for (int i = 0; i < cols.size(); i++) {
                    cells[ch * cols.size() + i] = t.state(cols.get(i), ch);
                }
            }
            List<String> labels = new ArrayList<>();
            Color[] colColors = new Color[cols.size()];
            for (int i = 0; i < cols.size(); i++) {
                labels.add("\u03c4=" + cols.get(i));
                colColors[i] = i == 0 ? start : c.deriveColor(0, 1, 1, 0.35 + 0.65 * cols.get(i) / Math.max(1.0, k));
            }
            List<String> rows = new ArrayList<>();
            double[] moved = Revision.meanAbsChange(t, step);
            for (int ch = 0; ch < rec; ch++) {
                rows.add(String.format("E=%.3f  \u0394=%.4f", t.value(step, ch), moved[ch]));
            }
            String scale = change.apply(grid, cells, rec, cols.size(), 0, 1);
            grid.setTitle("Rows: chains \u00b7 columns: steps \u03c4" + scale);
            grid.setImages(cells, rec, cols.size(), info.channels(), info.height(), info.width());
            grid.setLabels(labels, rows);
            grid.setColumnColors(colColors);
            grid.setHighlightColumn(hl);
            grid.redraw();
            return;
        }
        XChainPainter.paint(plot, info.points(), t, r.energy(), step,
                "Chains on the energy landscape \u00b7 \u03c4 = " + step + " of " + t.steps());
    }
}
