package dualmcmc.app.lesson;

import atlantafx.base.theme.Styles;
import dualmcmc.app.chart.Formula;
import dualmcmc.app.chart.Ink;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The lesson beside the views: step n of N, its title, formula and text, Back and Next (Page Up /
 * Page Down), and what Next waits for. Shown while a lesson runs.
 */
public final class LessonPanel extends VBox {
    private final LessonViewModel vm;
    private final Label lessonTitle = new Label();
    private final Label progress = new Label();
    private final Label title = new Label();
    private final Formula formula = new Formula(18, Color.BLACK);
    private final Label text = new Label();
    private final Label hint = new Label();
    private final Button next = new Button("Next", new FontIcon(Feather.ARROW_RIGHT));

    public LessonPanel(LessonViewModel vm) {
        this.vm = vm;
        setId("lessonPanel");
        getStyleClass().add("lesson-panel");
        setSpacing(10);
        setPadding(new Insets(12, 14, 12, 14));
        setPrefWidth(360);
        setMinWidth(300);
        lessonTitle.getStyleClass().add("muted");
        progress.setId("lessonProgress");
        progress.getStyleClass().add("muted");
        Button close = new Button(null, new FontIcon(Feather.X));
        close.setId("lessonClose");
        close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        close.setTooltip(new Tooltip("End the lesson (Help > Lesson starts it again)"));
        close.setOnAction(e -> vm.close());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox head = new HBox(6, new FontIcon(Feather.BOOK_OPEN), lessonTitle, grow, close);
        head.setAlignment(Pos.CENTER_LEFT);
        title.setId("lessonStepTitle");
        title.getStyleClass().add(Styles.TITLE_3);
        title.setWrapText(true);
        formula.setId("lessonFormula");
        text.setId("lessonText");
        text.setWrapText(true);
        text.getStyleClass().add("lesson-text");
        hint.setId("lessonHint");
        hint.setWrapText(true);
        hint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.WARNING);
        hint.managedProperty().bind(hint.visibleProperty());
        Button back = new Button("Back", new FontIcon(Feather.ARROW_LEFT));
        back.setId("lessonBack");
        back.setOnAction(e -> vm.back());
        back.disableProperty().bind(vm.indexProperty().lessThanOrEqualTo(0));
        next.setId("lessonNext");
        next.getStyleClass().add(Styles.ACCENT);
        next.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        next.setOnAction(e -> vm.next());
        next.disableProperty().bind(vm.blockedProperty());
        HBox buttons = new HBox(8, back, next, progress);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox body = new VBox(10, title, formula, text, hint);
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        // the formula is a picture: it takes the theme's text colour from its ink
        Ink.follow(this, ink -> formula.setColour(ink.text()));
        getChildren().addAll(head, scroll, buttons);
        managedProperty().bind(visibleProperty());
        setVisible(false);
        vm.lessonProperty().addListener((o, a, b) -> show());
        vm.indexProperty().addListener((o, a, b) -> show());
        vm.blockedProperty().addListener((o, a, b) -> show());
        sceneProperty().addListener((o, a, b) -> keys(b));
    }

    private void keys(Scene scene) {
        if (scene != null) {
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.PAGE_DOWN), () -> {
                if (isVisible() && !next.isDisabled()) {
                    vm.next();
                }
            });
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.PAGE_UP), () -> {
                if (isVisible()) {
                    vm.back();
                }
            });
        }
    }

    private void show() {
        Lesson l = vm.lessonProperty().get();
        Lesson.Step s = vm.step();
        setVisible(l != null && s != null);
        if (l == null || s == null) {
            return;
        }
        int i = vm.indexProperty().get();
        lessonTitle.setText(l.title());
        progress.setText("Step " + (i + 1) + " of " + l.steps().size());
        title.setText(s.title());
        text.setText(s.text());
        formula.setVisible(s.formula() != null);
        formula.setManaged(s.formula() != null);
        if (s.formula() != null) {
            formula.setLatex(s.formula());
        }
        next.setText(i == l.steps().size() - 1 ? "Finish" : "Next");
        boolean waits = s.waitFor() != null && vm.blockedProperty().get();
        hint.setVisible(waits);
        hint.setText(s.waitFor() == null ? "" : s.waitFor().startsWith("played:")
                ? "To go on: play the chain to its end (\u25b6 below the chains, or Space)."
                : "To go on: click a data point in the data plane.");
    }
}
