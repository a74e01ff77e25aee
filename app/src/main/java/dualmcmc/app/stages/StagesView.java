package dualmcmc.app.stages;

import dualmcmc.app.page.Replayed;
import dualmcmc.app.MainModel;
import dualmcmc.app.chart.PlotCanvas;
import dualmcmc.app.widget.PlaybackBar;
import dualmcmc.app.widget.Segmented;
import dualmcmc.engine.model.ModelKind;
import dualmcmc.engine.session.DataInfo;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One iteration in slow motion: the stage diagram, the plots of what the current stage changes
 * (2-D data), and beside them what the stage does and the iteration's losses before and after.
 * The playback bar and the arrow keys step through the stages; everything drawn comes from
 * {@link StagesViewModel}'s result.
 */
public final class StagesView extends BorderPane implements Replayed {
    /** Choices of the switch, in order; null is "none". */
    private static final ModelKind[] SWITCHES = {null, ModelKind.GENERATOR, ModelKind.INFERENCE, ModelKind.EBM};
    private static final int LAST = IterationStage.values().length - 1;

    private final MainModel main;
    private final StagesViewModel vm;
    private final PlotCanvas left = new PlotCanvas();
    private final PlotCanvas right = new PlotCanvas();
    private final StagePainter painter = new StagePainter(left, right);
    private final StageDiagram diagram;
    private final StageFigures figures = new StageFigures();
    private final PlaybackBar playback = new PlaybackBar("stages", new PlaybackBar.Wording(
            "Go to the first stage (Home)", "One stage back (\u2190)", "Play the stages one by one (Space)",
            "One stage forward (\u2192)", "Go to the last stage (End)", "Go to a stage of the iteration",
            "Stages per second when playing", "The stage on screen",
            (step, max) -> "stage " + (step + 1) + " of " + (max + 1)));
    private final Label header = new Label();
    private final Label caption = new Label();
    private final Label stageTitle = new Label();
    private final Label explanation = new Label();
    private final Label rule = new Label();
    private final Label imageNote = new Label("This view draws 2-D data; for image data sets it shows the "
            + "iteration's figures only.");
    private final HBox plots = new HBox(12, left, right);
    private final StackPane body = new StackPane();

    public StagesView(MainModel main, StagesViewModel vm) {
        this.main = main;
        this.vm = vm;
        setId("stagesView");
        getStyleClass().add("view");
        header.getStyleClass().add("view-title");
        caption.getStyleClass().add("view-subtitle");
        caption.setWrapText(true);
        diagram = new StageDiagram(i -> vm.stageProperty().set(i));
        VBox top = new VBox(4, header, caption, controls(), diagram);
        top.setPadding(new Insets(10, 14, 6, 14));
        setTop(top);

        left.setId("stagesPlot");
        right.setId("stagesPlotAfter");
        for (PlotCanvas p : new PlotCanvas[]{left, right}) {
            HBox.setHgrow(p, Priority.ALWAYS);
            p.setPrefWidth(100);
        }
        imageNote.getStyleClass().add("view-subtitle");
        imageNote.setWrapText(true);
        body.setMinSize(0, 0);
        HBox.setHgrow(body, Priority.ALWAYS);
        HBox center = new HBox(16, body, side());
        center.setPadding(new Insets(4, 14, 8, 14));
        setCenter(center);
        setBottom(playback);
        playback.setSpeed(1);
        playback.maxStepProperty().set(LAST);
        playback.stepProperty().bindBidirectional(vm.stageProperty());

        vm.resultProperty().addListener((o, a, b) -> draw());
        vm.stageProperty().addListener((o, a, b) -> draw());
        main.dataProperty().addListener((o, a, b) -> layoutFor(b));
        layoutFor(main.dataProperty().get());
    }

    private HBox controls() {
        Button fresh = new Button("New iteration", new FontIcon(Feather.REFRESH_CW));
        fresh.setId("stagesNewIteration");
        fresh.setTooltip(new Tooltip("Another batch and other noise on the current models (the first draw is the "
                + "iteration training makes next)"));
        fresh.setOnAction(e -> vm.newIteration());
        Label off = new Label("switch off");
        off.getStyleClass().add("field-label");
        Segmented choice = new Segmented("stagesSkip", new String[]{"none", "generator", "inference", "EBM"},
                new String[]{"Every model learns, as in training",
                        "Rerun the iteration without the generator's update",
                        "Rerun the iteration without the inference model's update",
                        "Rerun the iteration without the EBM's update"},
                i -> vm.skippedProperty().set(SWITCHES[i]));
        choice.select(java.util.Arrays.asList(SWITCHES).indexOf(vm.skippedProperty().get()));
        vm.skippedProperty().addListener((o, was, now) -> choice.select(java.util.Arrays.asList(SWITCHES).indexOf(now)));
        HBox row = new HBox(8, fresh, off, choice);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("chain-settings");
        return row;
    }

    private VBox side() {
        stageTitle.setId("stagesStageTitle");
        stageTitle.getStyleClass().add("stage-heading");
        explanation.setWrapText(true);
        explanation.getStyleClass().add("stage-explanation");
        rule.setWrapText(true);
        rule.getStyleClass().add("stage-rule");
        VBox side = new VBox(10, stageTitle, explanation, rule, figures);
        side.getStyleClass().add("stage-side");
        side.setPrefWidth(360);
        side.setMinWidth(Region.USE_PREF_SIZE);
        return side;
    }

    public PlaybackBar playback() {
        return playback;
    }

    /** The stage the diagram lights, 0-based (for tests). */
    public int litStage() {
        return diagram.current();
    }

    /** The sentence on which models the iteration changed. */
    public Label outcome() {
        return figures.outcome();
    }

    private void layoutFor(DataInfo info) {
        if (info == null) {
            return;
        }
        header.setText("One iteration in slow motion \u00b7 " + info.name());
        body.getChildren().setAll(info.image() ? imageNote : plots);
        left.clearLayers();
        left.setHeatmap(null, null);
        left.setTitle("");
        left.setEmptyMessage("staging an iteration\u2026");
        left.redraw();
        draw();
    }

    private void draw() {
        IterationStage s = vm.stage();
        diagram.setCurrent(s.ordinal());
        stageTitle.setText(s.number() + ". " + s.title());
        explanation.setText(s.explanation());
        rule.setText(s.rule());
        StagesViewModel.Result r = vm.resultProperty().get();
        DataInfo info = main.dataProperty().get();
        if (r == null || info == null) {
            caption.setText("Staging one training iteration on a copy of the models\u2026");
            return;
        }
        caption.setText(String.format("Iteration %,d as training makes it, stage by stage, on a copy of the models "
                        + "(mode %s%s): the real models stay as they are.", r.shown().iteration(), r.shown().mode(),
                r.shown().draw() == 0 ? ", the next iteration's batch and noise" : ", draw " + r.shown().draw()));
        figures.show(r, s);
        if (!info.image()) {
            boolean both = painter.paint(s, r.shown(), info);
            right.setVisible(both);
            right.setManaged(both);
        }
    }
}
