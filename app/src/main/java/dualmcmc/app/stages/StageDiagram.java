package dualmcmc.app.stages;

import dualmcmc.app.chart.Roles;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.function.IntConsumer;

/**
 * The iteration as a row of numbered boxes joined by arrows, each tagged with the model that acts
 * (its colour as a strip); the current stage is lit, the ones before it are marked done. A click
 * on a box goes to that stage.
 */
final class StageDiagram extends HBox {
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass DONE = PseudoClass.getPseudoClass("done");
    private final HBox[] boxes = new HBox[IterationStage.values().length];

    StageDiagram(IntConsumer onPick) {
        setId("stagesDiagram");
        getStyleClass().add("stage-diagram");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(4);
        for (IterationStage s : IterationStage.values()) {
            if (s.ordinal() > 0) {
                FontIcon arrow = new FontIcon(Feather.CHEVRON_RIGHT);
                arrow.getStyleClass().add("stage-arrow");
                getChildren().add(arrow);
            }
            HBox box = box(s);
            box.setOnMouseClicked(e -> onPick.accept(s.ordinal()));
            boxes[s.ordinal()] = box;
            HBox.setHgrow(box, Priority.ALWAYS);
            getChildren().add(box);
        }
    }

    private static HBox box(IterationStage s) {
        Region strip = new Region();
        strip.getStyleClass().add("stage-strip");
        strip.setStyle("-fx-background-color: " + Roles.css(s.color()) + ";");
        Label number = new Label(Integer.toString(s.number()));
        number.getStyleClass().add("stage-number");
        Label title = new Label(s.label());
        title.getStyleClass().add("stage-title");
        Label model = new Label(s.model());
        model.getStyleClass().add("stage-model");
        VBox text = new VBox(1, title, model);
        HBox box = new HBox(7, strip, number, text);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setId("stageBox" + s.number());
        box.getStyleClass().add("stage-box");
        box.setMinWidth(Region.USE_PREF_SIZE);
        box.setMaxWidth(Double.MAX_VALUE);
        Tooltip.install(box, new Tooltip(s.number() + ". " + s.title() + ": " + s.explanation()));
        return box;
    }

    void setCurrent(int index) {
        for (int i = 0; i < boxes.length; i++) {
            boxes[i].pseudoClassStateChanged(CURRENT, i == index);
            boxes[i].pseudoClassStateChanged(DONE, i < index);
        }
    }

    /** The stage lit now, 0-based, or -1 (for tests). */
    int current() {
        for (int i = 0; i < boxes.length; i++) {
            if (boxes[i].getPseudoClassStates().contains(CURRENT)) {
                return i;
            }
        }
        return -1;
    }
}
