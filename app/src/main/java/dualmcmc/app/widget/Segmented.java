package dualmcmc.app.widget;

import atlantafx.base.theme.Styles;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

import java.util.function.IntConsumer;

/**
 * A row of AtlantaFX pill toggle buttons of which exactly one is selected (a click on the
 * selected one keeps it selected): the chain views' "from ... / from noise" choice and the compare
 * view's x / z switch look and behave alike.
 */
public final class Segmented extends HBox {
    private final ToggleGroup group = new ToggleGroup();

    /**
     * @param idPrefix the buttons get ids idPrefix0, idPrefix1, ...
     * @param onSelect called with the index of the button the user selected
     */
    public Segmented(String idPrefix, String[] labels, String[] tips, IntConsumer onSelect) {
        getStyleClass().add("segmented");
        for (int i = 0; i < labels.length; i++) {
            ToggleButton b = new ToggleButton(labels[i]);
            b.setId(idPrefix + i);
            b.setToggleGroup(group);
            b.setTooltip(new Tooltip(tips[i]));
            b.setFocusTraversable(false);
            b.getStyleClass().add(i == 0 ? Styles.LEFT_PILL : i == labels.length - 1 ? Styles.RIGHT_PILL
                    : Styles.CENTER_PILL);
            int idx = i;
            b.setOnAction(e -> {
                if (!b.isSelected()) {
                    b.setSelected(true);
                }
                onSelect.accept(idx);
            });
            getChildren().add(b);
        }
        select(0);
    }

    /** Shows button {@code i} as selected without calling back (the model changed it). */
    public void select(int i) {
        ((ToggleButton) getChildren().get(i)).setSelected(true);
    }
}
