package dualmcmc.app.compare;

import dualmcmc.app.page.Replayed;
import dualmcmc.engine.session.DataInfo;
import dualmcmc.app.MainModel;
import dualmcmc.app.chart.ProfileChart;
import dualmcmc.app.chart.Roles;
import dualmcmc.app.widget.PlaybackBar;
import dualmcmc.engine.mcmc.ChainKind;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Dual-MCMC's start against noise, side by side: the same chains (same models, seed, k, s, n)
 * from the generator / inference model on the left and from noise on the right, one step slider
 * for both, and below them both mean profiles on one chart with a sentence that says what they
 * show. Everything it draws comes from {@link CompareViewModel}'s results.
 */
public final class CompareView extends BorderPane implements Replayed {
    private static final Color DUAL = Roles.REVISED;
    private static final Color NOISE = Roles.NOISE;
    private final MainModel main;
    private final CompareViewModel vm;
    private final ComparePanel dualPanel = new ComparePanel("compareDual");
    private final ComparePanel noisePanel = new ComparePanel("compareNoise");
    private final ProfileChart energyChart = new ProfileChart("Mean energy per Langevin step",
            "mean E(x\u209c)", "compareEnergyProfile");
    private final ProfileChart mseChart = new ProfileChart("Reconstruction error per Langevin step",
            "mean MSE per pixel", "compareMseProfile");
    private final VBox bottom = new VBox(6);
    private final PlaybackBar playback = new PlaybackBar("compare", "k");
    private final Label header = new Label();
    private final Label caption = new Label();
    private final Label explanation = new Label();

    public CompareView(MainModel main, CompareViewModel vm) {
        this.main = main;
        this.vm = vm;
        setId("compareView");
        getStyleClass().add("view");
        header.getStyleClass().add("view-title");
        caption.getStyleClass().add("view-subtitle");
        caption.setWrapText(true);
        VBox top = new VBox(2, header, caption, new CompareControls(vm));
        top.setPadding(new Insets(10, 14, 0, 14));
        setTop(top);

        HBox sides = new HBox(14, dualPanel, noisePanel);
        HBox.setHgrow(dualPanel, Priority.ALWAYS);
        HBox.setHgrow(noisePanel, Priority.ALWAYS);
        dualPanel.setPrefWidth(100);
        noisePanel.setPrefWidth(100);
        sides.setPadding(new Insets(6, 14, 6, 14));
        sides.setMinHeight(0);

        explanation.setId("compareExplanation");
        explanation.getStyleClass().add("compare-explanation");
        explanation.setGraphic(new FontIcon(Feather.INFO));
        explanation.setWrapText(true);
        explanation.setMaxWidth(Double.MAX_VALUE);
        explanation.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Tooltip.install(energyChart.viewer(), new Tooltip("Mean energy E(x\u209c) over all chains of each side "
                + "per Langevin step; the red line is the current step"));
        Tooltip.install(mseChart.viewer(), new Tooltip("Mean per-pixel reconstruction error ||x - g(z\u209c)||\u00b2 / D "
                + "over all observed x of each side per Langevin step; the red line is the current step"));
        VBox.setVgrow(energyChart.viewer(), Priority.ALWAYS);
        VBox.setVgrow(mseChart.viewer(), Priority.ALWAYS);
        bottom.setPadding(new Insets(0, 14, 8, 14));
        SplitPane split = new SplitPane(sides, bottom);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.62);
        setCenter(split);
        setBottom(playback);

        vm.resultProperty().addListener((o, a, b) -> show(b));
        vm.kindProperty().addListener((o, a, b) -> layoutFor(main.dataProperty().get()));
        playback.stepProperty().addListener((o, a, b) -> drawStep());
        main.dataProperty().addListener((o, a, b) -> layoutFor(b));
        layoutFor(main.dataProperty().get());
    }

    public PlaybackBar playback() {
        return playback;
    }

    /** The chart of the kind on screen (energy for x, MSE for z). */
    public ProfileChart profile() {
        return vm.kindProperty().get() == ChainKind.X ? energyChart : mseChart;
    }

    public Label explanation() {
        return explanation;
    }

    public CompareViewModel viewModel() {
        return vm;
    }

    private void layoutFor(DataInfo info) {
        boolean x = vm.kindProperty().get() == ChainKind.X;
        dualPanel.setHeader(x ? "from generator x\u2080 = g(z)" : "from inference z\u2080 ~ q(z|x)", DUAL);
        // the engine starts image chains uniform on [-1, 1] (the pixel range), points from N(0, I)
        String xNoise = info != null && info.image() ? "from noise x\u2080 ~ U[-1, 1]" : "from noise x\u2080 ~ N(0, I)";
        noisePanel.setHeader(x ? xNoise : "from noise z\u2080 ~ N(0, I)", NOISE);
        bottom.getChildren().setAll(profile().viewer(), explanation);
        profile().clear("running chains\u2026");
        explanation.setText("Running both sides on the same models and seed\u2026");
        if (info == null) {
            return;
        }
        header.setText("Compare starts: dual-MCMC vs noise \u00b7 " + info.name());
        caption.setText(x ? "The EBM's Langevin chains (x-revision) from the generator's samples and from noise, "
                + "with the same seed, k, s_x and n_x: the generator start is already near the data, so its "
                + "energy is low from the first steps."
                : "The generator's posterior Langevin chains (z-revision) for the same observed x, from the "
                + "inference model's guess and from prior noise, with the same seed, k, s_z and n_z: the inferred "
                + "start needs few steps.");
        String empty = "running chains\u2026";
        dualPanel.layoutFor(info, empty);
        noisePanel.layoutFor(info, empty);
    }

    private void show(CompareViewModel.Result r) {
        if (r == null) {
            return;
        }
        if (r.kind() != vm.kindProperty().get()) {
            return;
        }
        int k = r.dual().steps();
        boolean x = r.kind() == ChainKind.X;
        profile().setCurves(new double[][]{r.dual().meanProfile(), r.noise().meanProfile()},
                new Color[]{DUAL, NOISE}, new String[]{x ? "from generator g(z)" : "from inference q(z|x)",
                        "from noise"});
        explanation.setText(r.comparison().explanation());
        explanation.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("reversed"),
                !r.comparison().dualWins());
        int old = playback.stepProperty().get();
        boolean atEnd = !playback.playingProperty().get() && old == playback.maxStepProperty().get();
        playback.maxStepProperty().set(k);
        // after a rerun show the last step, unless the user is stepping through the chains
        if (old > k || old == 0 || atEnd) {
            playback.stepProperty().set(k);
        }
        drawStep();
    }

    private void drawStep() {
        CompareViewModel.Result r = vm.resultProperty().get();
        DataInfo info = main.dataProperty().get();
        int step = playback.stepProperty().get();
        profile().setStep(step);
        if (r == null || info == null || r.kind() != vm.kindProperty().get()) {
            return;
        }
        int at = Math.min(step, r.dual().steps());
        if (r.kind() == ChainKind.X) {
            dualPanel.showX(info, r.dual(), r.energy(), at);
            noisePanel.showX(info, r.noise(), r.energy(), at);
        } else {
            dualPanel.showZ(info, r.dual(), r.targets(), at);
            noisePanel.showZ(info, r.noise(), r.targets(), at);
        }
    }
}
