package dualmcmc.app.draw;

import dualmcmc.app.MainModel;
import dualmcmc.app.files.FileActions;

import atlantafx.base.theme.Styles;
import dualmcmc.app.chart.PlotCanvas;
import dualmcmc.app.widget.Dialogs;
import dualmcmc.app.widget.Segmented;
import dualmcmc.engine.data.DrawnData;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * File › Draw data: a canvas in model units to paint a 2-D data set on, as in GAN Lab, and "Train
 * on these". It stays open until the models on the drawing have taken over, so a cancelled
 * unsaved-changes question or a failure keeps the drawing.
 */
public final class DrawDataDialog {
    public static final ButtonType TRAIN = new ButtonType("Train on these", ButtonBar.ButtonData.OK_DONE);
    private static final Color POINTS = Color.web("#0969da");
    private static final Color BRUSH = Color.web("#cf222e");
    private static final KeyCombination UNDO = KeyCombination.keyCombination("Shortcut+Z");

    private final Dialog<Void> dialog = new Dialog<>();
    private final DrawDataViewModel vm;
    private final PlotCanvas canvas = new PlotCanvas();
    private final Label problem = new Label();
    /** Where the mouse is (data units), for the brush outline; NaN when it is off the plot. */
    private double mouseX = Double.NaN;
    private double mouseY = Double.NaN;

    /**
     * @param train replaces the models with ones on the points; completes with whether it did
     */
    /**
     * Opens the dialog on a blank canvas (without waiting); "Train on these" asks about unsaved
     * changes, builds models on the drawing and starts training.
     */
    public static DrawDataDialog open(Window owner, MainModel main, FileActions files) {
        DrawDataDialog d = new DrawDataDialog(owner, new DrawDataViewModel(main.seedProperty().get()),
                points -> files.guard("training on your drawing", () -> main.loadDrawn(points).thenRun(main::train)));
        d.show();
        return d;
    }

    public DrawDataDialog(Window owner, DrawDataViewModel vm, Function<float[][], CompletableFuture<Boolean>> train) {
        this.vm = vm;
        Dialogs.prepare(dialog, owner, "draw-data-dialog");
        dialog.setTitle("Draw data");
        dialog.setResizable(true);
        dialog.getDialogPane().setId("drawDataPane");
        dialog.getDialogPane().setUserData(vm);
        dialog.getDialogPane().setHeader(header());
        HBox content = new HBox(18, canvas(), controls());
        HBox.setHgrow(canvas, Priority.ALWAYS);
        content.setPadding(new Insets(6, 22, 8, 22));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().addAll(TRAIN, ButtonType.CANCEL);
        Button go = (Button) dialog.getDialogPane().lookupButton(TRAIN);
        go.setId("drawTrain");
        go.getStyleClass().add(Styles.ACCENT);
        go.setGraphic(new FontIcon(Feather.PLAY));
        go.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            train(go, train);
        });
        dialog.getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (UNDO.match(e)) {
                vm.undo();
                e.consume();
            }
        });
        vm.countProperty().addListener((o, a, b) -> redraw());
        redraw();
    }

    public void show() {
        dialog.show();
    }

    public DrawDataViewModel viewModel() {
        return vm;
    }

    private static VBox header() {
        Label title = new Label("Draw your own data");
        title.getStyleClass().add(Styles.TITLE_3);
        Label sub = new Label("Drag the brush to paint points, or click with the blob tool to drop a Gaussian cloud. "
                + "The three models then learn this distribution, as they learn the 2-D toys.");
        sub.setWrapText(true);
        sub.getStyleClass().add(Styles.TEXT_MUTED);
        VBox header = new VBox(4, title, sub);
        header.setPadding(new Insets(18, 22, 6, 22));
        return header;
    }

    private PlotCanvas canvas() {
        canvas.setId("drawCanvas");
        // the dialog sizes itself from its content's minimum: a small canvas is too fiddly to draw on
        canvas.setMinSize(480, 480);
        canvas.setPrefSize(520, 520);
        canvas.setBounds(DrawDataViewModel.BOUNDS[0], DrawDataViewModel.BOUNDS[1], DrawDataViewModel.BOUNDS[2],
                DrawDataViewModel.BOUNDS[3]);
        canvas.setEmptyMessage("Drag here to paint points");
        canvas.setOnDrag(new PlotCanvas.DragHandler() {
            @Override
            public void press(double x, double y) {
                vm.press(x, y);
            }

            @Override
            public void drag(double x, double y) {
                vm.drag(x, y);
            }

            @Override
            public void release() {
                vm.release();
            }
        });
        canvas.setOnHover((x, y, px, py) -> {
            mouseX = x;
            mouseY = y;
            redraw();
        }, () -> {
            mouseX = Double.NaN;
            redraw();
        });
        return canvas;
    }

    private VBox controls() {
        Segmented tool = new Segmented("drawTool", new String[] {"Brush", "Blob"}, new String[] {
                "Drag to spray points evenly inside the brush circle",
                "Click to drop a Gaussian cloud around the click (spread: half the brush size)"},
                i -> vm.setTool(DrawDataViewModel.Tool.values()[i]));
        Slider size = slider("drawSize", DrawDataViewModel.MIN_RADIUS, DrawDataViewModel.MAX_RADIUS, vm.radius(),
                "Radius of the brush in model units (the canvas spans " + DrawDataViewModel.BOUNDS[0] + " to "
                        + DrawDataViewModel.BOUNDS[1] + ")");
        size.valueProperty().addListener((o, a, b) -> {
            vm.setRadius(b.doubleValue());
            redraw();
        });
        Slider density = slider("drawDensity", 1, 30, vm.density(),
                "Points per brush dab; a drag dabs every half brush radius");
        density.setMajorTickUnit(1);
        density.setSnapToTicks(true);
        density.valueProperty().addListener((o, a, b) -> vm.setDensity((int) Math.round(b.doubleValue())));
        Spinner<Integer> blob = new Spinner<>(10, 2000, vm.blobPoints(), 10);
        blob.setId("drawBlobPoints");
        blob.setEditable(true);
        blob.setPrefWidth(110);
        blob.setTooltip(new Tooltip("Points in one blob"));
        blob.valueProperty().addListener((o, a, b) -> vm.setBlobPoints(b));

        Button undo = new Button("Undo", new FontIcon(Feather.CORNER_UP_LEFT));
        undo.setId("drawUndo");
        undo.setTooltip(new Tooltip("Take back the last stroke or blob (Ctrl+Z)"));
        undo.setOnAction(e -> vm.undo());
        Button clear = new Button("Clear", new FontIcon(Feather.TRASH_2));
        clear.setId("drawClear");
        clear.setTooltip(new Tooltip("Remove every point"));
        clear.setOnAction(e -> vm.clear());
        undo.disableProperty().bind(vm.countProperty().isEqualTo(0));
        clear.disableProperty().bind(vm.countProperty().isEqualTo(0));

        Label count = new Label();
        count.setId("drawCount");
        count.getStyleClass().add(Styles.TITLE_4);
        count.textProperty().bind(vm.countProperty().map(n -> String.format("%,d point%s", n.intValue(),
                n.intValue() == 1 ? "" : "s")));
        Label need = muted("At least " + DrawnData.MIN_POINTS + " points; a few hundred to a few thousand "
                + "learn well.");
        problem.setId("drawProblem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        vm.countProperty().addListener((o, a, b) -> problem.setText(""));

        Region grow = new Region();
        VBox.setVgrow(grow, Priority.ALWAYS);
        VBox box = new VBox(8, label("Tool"), tool, valued("Brush size", size, "%.2f"), size,
                valued("Density", density, "%.0f per dab"), density,
                label("Blob points"), blob, new HBox(8, undo, clear), grow, count, need, problem);
        box.setPrefWidth(220);
        box.setMinWidth(200);
        return box;
    }

    private void train(Button go, Function<float[][], CompletableFuture<Boolean>> train) {
        String why = vm.problem();
        if (why != null) {
            problem.setText(why);
            return;
        }
        go.setDisable(true);
        problem.setText("");
        train.apply(vm.points()).whenComplete((ok, e) -> Platform.runLater(() -> {
            go.setDisable(false);
            if (e == null && ok) {
                dialog.close();
            }
        }));
    }

    private void redraw() {
        canvas.clearLayers();
        double[][] pts = vm.plotPoints();
        if (pts.length > 0) {
            canvas.addPoints(pts, POINTS, 2.0, 0.7);
        }
        if (!Double.isNaN(mouseX)) {
            double r = vm.tool() == DrawDataViewModel.Tool.BLOB ? vm.radius() / 2 : vm.radius();
            canvas.addEllipse(mouseX, mouseY, r, r, BRUSH);
        }
        canvas.redraw();
    }

    private static Slider slider(String id, double min, double max, double value, String tip) {
        Slider s = new Slider(min, max, value);
        s.setId(id);
        s.setTooltip(new Tooltip(tip));
        return s;
    }

    /** A control's title with its current value beside it. */
    private static Label valued(String text, Slider s, String format) {
        Label l = label(text);
        l.textProperty().bind(s.valueProperty().map(v -> text + "   " + String.format(Locale.ROOT, format,
                v.doubleValue())));
        return l;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_BOLD);
        return l;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        return l;
    }
}
