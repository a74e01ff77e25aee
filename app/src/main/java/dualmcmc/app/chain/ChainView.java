package dualmcmc.app.chain;

import dualmcmc.app.page.Replayed;
import dualmcmc.app.MainModel;
import dualmcmc.app.chart.ImageGrid;
import dualmcmc.app.chart.ProfileChart;
import dualmcmc.app.chart.Roles;
import dualmcmc.app.widget.ChainSettingsBar;
import dualmcmc.app.widget.PlaybackBar;
import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.mcmc.ChainInit;
import dualmcmc.engine.mcmc.ChainKind;
import dualmcmc.engine.mcmc.ChainTrace;
import dualmcmc.engine.mcmc.Revision;
import dualmcmc.engine.session.DataInfo;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

import java.util.ArrayList;
import java.util.List;

/**
 * What the x- and z-revision views share: a title and a caption, the update rule, the chain
 * controls and the change view on top; the chains on the left (a plot for 2-D data, an image grid
 * with a row per chain and a column per few steps for images) and the chains' profile beside
 * them; the replay at the bottom. Subclasses draw the plots and name the grid's columns.
 *
 * @param <R> one run's result
 */
public abstract class ChainView<R extends ChainResult> extends BorderPane implements Replayed {
    /** How a revision view differs from the other: its words, its controls and its grid. */
    public record Spec(String id, ChainKind kind, String title, String model, String dualFrom, String noiseFrom,
                          String measure, String measureFormat,
                          String profileTitle, String profileAxis, String profileId, int profileChains,
                          String changeStart, String[] keys, String[] startLabels, String[] startTips,
                          ChainInit dualStart, Orientation split, double divider, int gridColumns) {
    }

    protected final MainModel main;
    protected final ChainViewModel<R> vm;
    protected final ImageGrid grid = new ImageGrid();
    protected final StackPane left = new StackPane();
    protected final ProfileChart profile;
    protected final PlaybackBar playback;
    protected final ChainSettingsBar bar;
    protected final ChangeView change;
    private final Spec spec;
    private final Label header = new Label();
    private final Label caption = new Label();

    protected ChainView(MainModel main, ChainViewModel<R> vm, Spec spec) {
        this.main = main;
        this.vm = vm;
        this.spec = spec;
        String letter = spec.kind() == ChainKind.X ? "x" : "z";
        profile = new ProfileChart(spec.profileTitle(), spec.profileAxis(), spec.profileId());
        playback = new PlaybackBar(letter, "k_" + letter);
        change = new ChangeView(letter, spec.changeStart());
        setId(spec.id());
        getStyleClass().add("view");
        header.getStyleClass().add("view-title");
        caption.getStyleClass().add("view-subtitle");
        caption.setWrapText(true);
        bar = new ChainSettingsBar(letter, main, vm.settingsProperty(), spec.keys(), spec.startLabels(),
                spec.startTips(), i -> vm.initProperty().set(i == 0 ? spec.dualStart() : ChainInit.NOISE),
                vm::resample, vm::run);
        bar.setId(letter + "ChainSettings");
        change.managedProperty().bind(change.visibleProperty());
        change.showChangeProperty().addListener((o, a, b) -> drawStep());
        change.amplifyProperty().addListener((o, a, b) -> drawStep());
        VBox top = new VBox(2, header, caption, new RuleBar(spec.kind(), main, vm.settingsProperty()), bar, change);
        top.setPadding(new Insets(10, 14, 0, 14));
        setTop(top);
        left.setPadding(new Insets(6, 4, 6, 10));
        SplitPane split = new SplitPane(left, profile.viewer());
        split.setOrientation(spec.split());
        split.setDividerPositions(spec.divider());
        setCenter(split);
        setBottom(playback);
        vm.resultProperty().addListener((o, a, b) -> show(b));
        playback.stepProperty().addListener((o, a, b) -> drawStep());
        main.dataProperty().addListener((o, a, b) -> layoutFor(b));
    }

    /** Call at the end of the subclass's constructor: lays the view out for the current data. */
    protected final void start() {
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

    /** The pieces of the view for data set {@code info}: the grid for images, the plots for points. */
    private void layoutFor(DataInfo info) {
        if (info == null) {
            return;
        }
        header.setText(spec.title() + " \u00b7 " + info.name());
        change.setVisible(info.image());
        left.getChildren().setAll(info.image() ? grid : pointsView());
        resetPoints(info);
    }

    /** What shows the chains of 2-D data. */
    protected abstract javafx.scene.Node pointsView();

    /** Clears the plots for a new data set (and sets their bounds for points) until chains arrive. */
    protected abstract void resetPoints(DataInfo info);

    /** A new run: caption, profile, and the replay at its end unless the user is stepping through it. */
    private void show(R r) {
        if (r == null) {
            drawStep();
            return;
        }
        ChainTrace t = r.trace();
        int k = t.steps();
        String letter = spec.kind() == ChainKind.X ? "x" : "z";
        String from = t.init() == ChainInit.NOISE ? spec.noiseFrom() : spec.dualFrom();
        caption.setText(String.format("%d chains from %s, k_%s = %d, s_%s = %s, n_%s = %s, on %s of iteration %d."
                        + "  Mean %s " + spec.measureFormat() + " \u2192 " + spec.measureFormat() + ".",
                t.chains(), from, letter, k, letter, TrainingConfig.schema(spec.keys()[1]).format(r.settings().stepSize()),
                letter, TrainingConfig.schema(spec.keys()[2]).format(r.settings().noise()), spec.model(),
                r.iteration(), spec.measure(), t.mean(0), t.mean(k)));
        int shown = Math.min(spec.profileChains(), t.chains());
        double[][] chains = new double[shown][];
        for (int c = 0; c < shown; c++) {
            chains[c] = t.profile(c);
        }
        profile.setProfiles(t.meanProfile(), chains, Roles.chain(t.init()), "mean over " + t.chains() + " chains");
        int old = playback.stepProperty().get();
        playback.maxStepProperty().set(k);
        if (old > k || old == 0) {
            playback.stepProperty().set(k);
        }
        drawStep();
    }

    /** Draws the current step of the current result. */
    protected final void drawStep() {
        R r = vm.resultProperty().get();
        DataInfo info = main.dataProperty().get();
        int step = playback.stepProperty().get();
        profile.setStep(step);
        if (info == null) {
            return;
        }
        if (r == null) {
            drawEmpty(info);
            return;
        }
        step = Math.min(step, r.trace().steps());
        if (info.image()) {
            drawGrid(r, step, info);
        } else {
            drawPoints(r, step, info);
        }
    }

    /** Nothing has run yet (or the user cleared the chains). */
    protected void drawEmpty(DataInfo info) {
    }

    protected abstract void drawPoints(R r, int step, DataInfo info);

    /** The picture of chain {@code chain} at step {@code tau}: the state x, or the decoding g(z). */
    protected abstract float[] picture(ChainTrace t, int tau, int chain);

    protected abstract String columnLabel(int tau);

    /** The words beside a row: the chain's value at the step and its mean change from the start. */
    protected abstract String rowLabel(double value, double moved);

    protected abstract String gridTitle(int step);

    /** Pictures shown before the chain's own in each row (e.g. the observed x), or none. */
    protected Lead lead(R r) {
        return null;
    }

    /** A column before the chain's steps: one picture per row, its label and colour. */
    public record Lead(float[][] rows, String label, Color color) {
    }

    /** The colour of the {@code column}-th step column, showing step {@code tau}. */
    protected abstract Color columnColor(ChainTrace t, int column, int tau);

    /** The image grid: a row per recorded chain, a column per few steps, the shown step's column marked. */
    private void drawGrid(R r, int step, DataInfo info) {
        ChainTrace t = r.trace();
        Lead lead = lead(r);
        int first = lead == null ? 0 : 1;
        List<Integer> steps = columnSteps(t.steps(), spec.gridColumns());
        int rows = t.recordedChains().length;
        int cols = first + steps.size();
        float[][] cells = new float[rows * cols][];
        for (int ch = 0; ch < rows; ch++) {
            if (lead != null) {
                cells[ch * cols] = lead.rows()[ch];
            }
            for (int i = 0; i < steps.size(); i++) {
                cells[ch * cols + first + i] = picture(t, steps.get(i), ch);
            }
        }
        List<String> labels = new ArrayList<>();
        Color[] colours = new Color[cols];
        if (lead != null) {
            labels.add(lead.label());
            colours[0] = lead.color();
        }
        int marked = first;
        for (int i = 0; i < steps.size(); i++) {
            labels.add(columnLabel(steps.get(i)));
            colours[first + i] = columnColor(t, i, steps.get(i));
            if (steps.get(i) <= step) {
                marked = first + i;
            }
        }
        List<String> rowLabels = new ArrayList<>();
        double[] moved = Revision.meanAbsChange(t, step);
        for (int ch = 0; ch < rows; ch++) {
            rowLabels.add(rowLabel(t.value(step, ch), moved[ch]));
        }
        String scale = change.apply(grid, cells, rows, cols, first, first + 1);
        grid.setTitle(gridTitle(step) + scale);
        grid.setImages(cells, rows, cols, info.channels(), info.height(), info.width());
        grid.setLabels(labels, rowLabels);
        grid.setColumnColors(colours);
        grid.setHighlightColumn(marked);
        grid.redraw();
    }

    /** At most {@code columns} steps from 0 to k, evenly spread, each once. */
    static List<Integer> columnSteps(int k, int columns) {
        List<Integer> steps = new ArrayList<>();
        int n = Math.min(columns, k + 1);
        for (int i = 0; i < n; i++) {
            int s = n == 1 ? 0 : (int) Math.round((double) i * k / (n - 1));
            if (!steps.contains(s)) {
                steps.add(s);
            }
        }
        return steps;
    }
}
