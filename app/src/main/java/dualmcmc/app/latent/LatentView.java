package dualmcmc.app.latent;

import atlantafx.base.theme.Styles;
import dualmcmc.engine.session.DataInfo;
import dualmcmc.app.MainModel;
import dualmcmc.app.chart.Categorical;
import dualmcmc.app.chart.NearestPoint;
import dualmcmc.app.chart.Pixels;
import dualmcmc.app.chart.PlotCanvas;
import dualmcmc.app.chart.Roles;
import dualmcmc.engine.session.LatentSample;
import dualmcmc.app.latent.LatentViewModel.Frame;
import dualmcmc.app.latent.LatentViewModel.Source;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Locale;

/**
 * The "Latent map" tab: the inference model's latent space as a 2-D map (t-SNE animating while it
 * iterates, or PCA), points coloured by class with a legend; a source switch (mu(x), revised z,
 * PCA), Refresh (new codes from the current models, warm start), Stop / Continue, a KL and
 * iteration readout; hovering a point shows its label and, for images, x and g(mu(x)).
 */
public final class LatentView extends BorderPane {
    private static final double HOVER_PX = 7;
    private static final double RADIUS = 2.6;
    private final MainModel main;
    private final LatentViewModel vm;
    private final PlotCanvas plot = new PlotCanvas();
    private final Pane overlay = new Pane();
    private final VBox card = new VBox(6);
    private final VBox legend = new VBox(3);
    private final Label header = new Label();
    private final Label caption = new Label();
    private final Label readout = new Label();
    private final ProgressBar progress = new ProgressBar(0);
    private final Button runButton = new Button();
    private final ToggleButton[] sourceButtons = new ToggleButton[Source.values().length];
    private int[][] byClass = new int[0][];
    private int hovered = -1;

    public LatentView(MainModel main, LatentViewModel vm) {
        this.main = main;
        this.vm = vm;
        setId("latentView");
        getStyleClass().add("view");
        header.getStyleClass().add("view-title");
        caption.getStyleClass().add("view-subtitle");
        caption.setWrapText(true);
        VBox top = new VBox(2, header, caption, controls());
        top.setPadding(new Insets(10, 14, 0, 14));
        setTop(top);

        plot.setId("latentPlot");
        plot.setEmptyMessage("computing latent codes\u2026");
        plot.setOnHover(this::hover, this::unhover);
        card.setId("latentHoverCard");
        card.getStyleClass().add("hover-card");
        card.setManaged(false);
        card.setVisible(false);
        card.setMouseTransparent(true);
        overlay.getChildren().add(card);
        overlay.setMouseTransparent(true);
        overlay.setPickOnBounds(false);
        StackPane plotStack = new StackPane(plot, overlay);
        HBox.setHgrow(plotStack, Priority.ALWAYS);

        legend.setId("latentLegend");
        legend.getStyleClass().add("latent-legend");
        legend.setMinWidth(150);
        legend.setPrefWidth(170);
        Label hint = new Label("Hover over a point to see its label"
                + " and, for images, x and its reconstruction g(\u03bc(x)).");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        hint.setMaxWidth(170);
        Region grow = new Region();
        VBox.setVgrow(grow, Priority.ALWAYS);
        Label status = new Label();
        status.setId("latentStatus");
        status.getStyleClass().add("muted");
        status.setWrapText(true);
        status.setMaxWidth(170);
        status.textProperty().bind(vm.statusProperty());
        VBox side = new VBox(12, legend, status, grow, hint);
        side.setPadding(new Insets(12, 8, 12, 0));
        HBox center = new HBox(6, plotStack, side);
        center.setPadding(new Insets(6, 6, 8, 10));
        center.setAlignment(Pos.TOP_CENTER);
        // the plot is square: keep the legend beside it rather than at the far edge
        plotStack.maxWidthProperty().bind(center.heightProperty().subtract(24));
        setCenter(center);

        vm.frameProperty().addListener((o, a, b) -> draw());
        vm.codesProperty().addListener((o, a, b) -> onCodes(b));
        main.dataProperty().addListener((o, a, b) -> layoutFor(b));
        layoutFor(main.dataProperty().get());
    }

    public PlotCanvas plot() {
        return plot;
    }

    public VBox legend() {
        return legend;
    }

    public LatentViewModel viewModel() {
        return vm;
    }

    private HBox controls() {
        ToggleGroup group = new ToggleGroup();
        HBox seg = new HBox();
        String[] tips = {
                "t-SNE of the inference model's latent means \u03bc_\u03c6(x): where q(z|x) puts each data point",
                "t-SNE of the latents after k_z generator-guided Langevin steps from \u03bc_\u03c6(x) (the z-revision "
                        + "the generator learns from)",
                "The first two principal components of \u03bc_\u03c6(x): a linear map, computed at once"};
        Source[] sources = Source.values();
        for (int i = 0; i < sources.length; i++) {
            Source s = sources[i];
            ToggleButton b = new ToggleButton(s.label());
            b.setId("latentSource-" + s.name().toLowerCase(Locale.ROOT));
            b.setToggleGroup(group);
            b.setTooltip(new Tooltip(tips[i]));
            b.setFocusTraversable(false);
            b.getStyleClass().add(i == 0 ? Styles.LEFT_PILL : i == sources.length - 1 ? Styles.RIGHT_PILL
                    : Styles.CENTER_PILL);
            b.setSelected(s == vm.sourceProperty().get());
            b.setOnAction(e -> {
                if (!b.isSelected()) {
                    b.setSelected(true);
                }
                vm.sourceProperty().set(s);
            });
            sourceButtons[i] = b;
            seg.getChildren().add(b);
        }
        vm.sourceProperty().addListener((o, a, b) -> sourceButtons[b.ordinal()].setSelected(true));

        Button refresh = new Button("Refresh", new FontIcon(Feather.REFRESH_CW));
        refresh.setId("latentRefresh");
        refresh.setTooltip(new Tooltip("Recompute the latent codes with the current models (they change while "
                + "training) and continue t-SNE from the current map, so it does not jump"));
        refresh.setOnAction(e -> vm.refresh());
        refresh.disableProperty().bind(vm.computingProperty());

        ToggleButton follow = new ToggleButton("Follow training", new FontIcon(Feather.LINK));
        follow.setId("latentFollow");
        follow.setFocusTraversable(false);
        follow.setTooltip(new Tooltip("While training runs, refresh the codes every few seconds and warm-start the "
                + "map from where it is: watch the latent space organise as the three models learn"));
        follow.selectedProperty().bindBidirectional(vm.followProperty());
        follow.setMinWidth(Region.USE_PREF_SIZE);

        runButton.setId("latentRun");
        runButton.setOnAction(e -> vm.toggleRunning());
        runButton.textProperty().bind(Bindings.when(vm.runningProperty()).then("Stop").otherwise("Continue"));
        runButton.graphicProperty().bind(Bindings.createObjectBinding(
                () -> new FontIcon(vm.runningProperty().get() ? Feather.SQUARE : Feather.PLAY), vm.runningProperty()));
        runButton.setTooltip(new Tooltip("Stop t-SNE where it is, or continue it (500 more iterations when it "
                + "has finished)"));
        runButton.disableProperty().bind(vm.frameProperty().isNull()
                .or(Bindings.createBooleanBinding(() -> vm.sourceProperty().get() == Source.PCA, vm.sourceProperty())));
        runButton.setMinWidth(96);

        readout.setId("latentReadout");
        readout.getStyleClass().add("step-label");
        readout.textProperty().bind(Bindings.createStringBinding(this::readoutText, vm.iterationProperty(),
                vm.klProperty(), vm.targetProperty(), vm.sourceProperty(), vm.frameProperty()));
        readout.setTooltip(new Tooltip("t-SNE iterations done in this run, and KL(P || Q): how far the map's "
                + "neighbourhoods Q are from the latent space's P (lower is better)"));
        progress.setId("latentProgress");
        progress.setPrefWidth(120);
        progress.progressProperty().bind(Bindings.createDoubleBinding(() -> {
            if (vm.computingProperty().get()) {
                return ProgressBar.INDETERMINATE_PROGRESS;
            }
            int t = vm.targetProperty().get();
            return t <= 0 ? 1.0 : Math.min(1.0, vm.iterationProperty().get() / (double) t);
        }, vm.computingProperty(), vm.iterationProperty(), vm.targetProperty()));
        Tooltip.install(progress, new Tooltip("t-SNE progress (iterations done of the planned run)"));
        for (javafx.scene.layout.Region r : new javafx.scene.layout.Region[]{refresh, runButton, readout, progress}) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        for (ToggleButton b : sourceButtons) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        readout.setMinWidth(292);
        readout.setPrefWidth(292);
        HBox bar = new HBox(8, seg, refresh, follow, runButton, readout, progress);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("chain-settings");
        return bar;
    }

    private String readoutText() {
        if (vm.sourceProperty().get() == Source.PCA) {
            return "PCA";
        }
        double kl = vm.klProperty().get();
        return String.format(Locale.ROOT, "iteration %d / %d \u00b7 KL %s", vm.iterationProperty().get(),
                vm.targetProperty().get(), Double.isNaN(kl) ? "\u2013" : String.format(Locale.ROOT, "%.3f", kl));
    }

    private void layoutFor(DataInfo info) {
        if (info == null) {
            return;
        }
        header.setText("Latent map \u00b7 " + info.name());
        caption.setText("Computing the inference model's latent codes \u03bc_\u03c6(x)\u2026");
        byClass = new int[0][];
        legend.getChildren().clear();
        unhover();
        plot.clearLayers();
        plot.setTitle("");
        plot.redraw();
    }

    private void onCodes(LatentSample c) {
        if (c == null) {
            return;
        }
        int k = c.classNames().size();
        byClass = ClassGroups.of(c.labels(), k);
        int groups = byClass.length;
        legend.getChildren().clear();
        Label title = new Label(k > 0 ? "Class" : "Points");
        title.getStyleClass().add("field-label");
        legend.getChildren().add(title);
        for (int i = 0; i < groups; i++) {
            String name = k > 0 ? c.classNames().get(i) : "unlabelled";
            Circle dot = new Circle(5, colour(i, k));
            Label l = new Label(name, dot);
            l.setGraphicTextGap(8);
            Label n = new Label(String.format("%,d", byClass[i].length));
            n.getStyleClass().add("muted");
            Region g = new Region();
            HBox.setHgrow(g, Priority.ALWAYS);
            HBox row = new HBox(4, l, g, n);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add("legend-entry");
            legend.getChildren().add(row);
        }
        String what = c.image() ? "images" : "points";
        caption.setText(String.format("%,d %s of %s, each placed by its latent code (%d-D) and coloured by class. "
                        + "Codes from the models of training iteration %,d; revised z after k_z = %d Langevin steps.",
                c.size(), what, main.dataProperty().get() == null ? "" : main.dataProperty().get().name(),
                c.mu()[0].length, c.iteration(), c.kz()));
    }

    private static Color colour(int cls, int classes) {
        return classes == 0 ? Roles.DATA : Categorical.color(cls);
    }

    private void draw() {
        Frame f = vm.frameProperty().get();
        LatentSample c = vm.codesProperty().get();
        plot.clearLayers();
        if (f == null || c == null || f.embedding().length != c.size()) {
            plot.redraw();
            return;
        }
        double[][] e = f.embedding();
        double[] b = MapGeometry.bounds(e);
        plot.setBounds(b[0], b[1], b[2], b[3]);
        boolean pca = !f.tsne();
        plot.setAxisLabels(pca ? "PC 1" : "t-SNE 1", pca ? "PC 2" : "t-SNE 2");
        plot.setTitle(pca ? "PCA of \u03bc(x)" : "t-SNE of " + f.source().label()
                + (f.source() == Source.REVISED ? " after k_z = " + c.kz() + " steps" : ""));
        int k = c.classNames().size();
        for (int g = 0; g < byClass.length; g++) {
            plot.addPoints(ClassGroups.points(e, byClass[g]), colour(g, k), RADIUS, 0.85);
        }
        if (hovered >= 0 && hovered < e.length) {
            plot.addRings(new double[][]{e[hovered]}, dualmcmc.app.chart.Ink.current().text(), 5);
        }
        plot.redraw();
        if (hovered >= 0 && hovered < e.length && card.isVisible()) {
            positionCard(e[hovered]);
        }
    }

    private void hover(double x, double y, double px, double py) {
        Frame f = vm.frameProperty().get();
        LatentSample c = vm.codesProperty().get();
        if (f == null || c == null || Double.isNaN(x) || f.embedding().length != c.size()) {
            unhover();
            return;
        }
        int hit = NearestPoint.within(f.embedding(), x, y, HOVER_PX * plot.unitsPerPixel());
        if (hit < 0) {
            unhover();
            return;
        }
        showCard(hit);
    }

    /**
     * Shows the hover card of a typical point of the first class (the one nearest the centre of its
     * class on the map), as if the mouse were over it: for screenshots and tests.
     */
    public void hoverTypical() {
        Frame f = vm.frameProperty().get();
        LatentSample c = vm.codesProperty().get();
        if (f == null || c == null || byClass.length == 0 || f.embedding().length != c.size()) {
            return;
        }
        int best = NearestPoint.central(f.embedding(), byClass[ClassGroups.firstNonEmpty(byClass)]);
        if (best >= 0) {
            showCard(best);
        }
    }

    private void showCard(int hit) {
        Frame f = vm.frameProperty().get();
        LatentSample c = vm.codesProperty().get();
        double[][] e = f.embedding();
        if (hit != hovered) {
            hovered = hit;
            fillCard(c, hit);
            draw();
        }
        card.setVisible(true);
        positionCard(e[hit]);
    }

    /** Beside the point, inside the plot (flips to the left near the right edge). */
    private void positionCard(double[] p) {
        double[] s = plot.toScreen(p[0], p[1]);
        card.applyCss();
        card.autosize();
        double[] at = MapGeometry.card(s[0], s[1], card.getWidth(), card.getHeight(), overlay.getWidth(),
                overlay.getHeight());
        card.relocate(at[0], at[1]);
    }

    private void unhover() {
        card.setVisible(false);
        if (hovered >= 0) {
            hovered = -1;
            draw();
        }
    }

    private void fillCard(LatentSample c, int i) {
        int cls = c.labels()[i];
        int k = c.classNames().size();
        String name = cls >= 0 && cls < k ? c.classNames().get(cls) : "unlabelled";
        Circle dot = new Circle(5, colour(Math.max(cls, 0), k));
        Label title = new Label(name.chars().anyMatch(Character::isLetter) ? name : "class " + name, dot);
        title.setGraphicTextGap(7);
        title.getStyleClass().add("field-label");
        Label idx = new Label("point " + (i + 1) + " of " + c.size());
        idx.getStyleClass().add("muted");
        card.getChildren().setAll(title, idx);
        if (c.image()) {
            int zoom = MapGeometry.zoom(c.height(), c.width());
            HBox imgs = new HBox(10, figure(image(c.x()[i], c), zoom, "x"),
                    figure(image(c.reconstruction()[i], c), zoom, "g(\u03bc(x))"));
            card.getChildren().add(imgs);
        } else {
            float[] x = c.x()[i];
            card.getChildren().add(new Label(String.format(Locale.ROOT, "x = (%.3f, %.3f)", x[0], x[1])));
        }
        double[] z = c.mu()[i];
        StringBuilder sb = new StringBuilder("\u03bc(x) = (");
        for (int d = 0; d < Math.min(3, z.length); d++) {
            sb.append(d > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.2f", z[d]));
        }
        sb.append(z.length > 3 ? ", \u2026)" : ")");
        Label mu = new Label(sb.toString());
        mu.getStyleClass().add("muted");
        card.getChildren().add(mu);
    }

    private static VBox figure(WritableImage img, int zoom, String text) {
        ImageView v = new ImageView(img);
        v.setSmooth(false);
        v.setFitWidth(img.getWidth() * zoom);
        v.setFitHeight(img.getHeight() * zoom);
        Label l = new Label(text);
        l.getStyleClass().add("muted");
        VBox b = new VBox(2, v, l);
        b.setAlignment(Pos.CENTER);
        return b;
    }

    private static WritableImage image(float[] v, LatentSample c) {
        return Pixels.image(v, c.channels(), c.height(), c.width());
    }

    /** Number of points on the map and distinct point colours (for tests). */
    public int drawnPoints() {
        return plot.pointCount() - (hovered >= 0 ? 1 : 0);
    }
}
