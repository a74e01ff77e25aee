package dualmcmc.app.shell;

import atlantafx.base.theme.Styles;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The latest warning (a divergence, a failed file) under the toolbar until the user dismisses it. */
final class AlertBar extends HBox {
    AlertBar(StringProperty alert) {
        super(8);
        setId("alertBar");
        getStyleClass().add("alert-bar");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(6, 12, 6, 12));
        Label text = new Label();
        text.setId("alertText");
        text.setWrapText(true);
        text.textProperty().bind(alert);
        Button dismiss = new Button(null, new FontIcon(Feather.X));
        dismiss.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        dismiss.setTooltip(new Tooltip("Dismiss"));
        dismiss.setOnAction(e -> alert.set(null));
        Region g = new Region();
        HBox.setHgrow(g, Priority.ALWAYS);
        getChildren().addAll(new FontIcon(Feather.ALERT_TRIANGLE), text, g, dismiss);
        visibleProperty().bind(alert.isNotNull());
        managedProperty().bind(visibleProperty());
    }
}
