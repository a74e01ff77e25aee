package dualmcmc.app.whatif;

import atlantafx.base.theme.Styles;
import dualmcmc.engine.config.WhatIf;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Under the toolbar while a what-if runs: which change is on and what to look for. */
public final class WhatIfBanner extends HBox {
    public WhatIfBanner(WhatIfViewModel vm) {
        super(10);
        setId("whatIfBanner");
        getStyleClass().add("what-if-bar");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(6, 12, 6, 12));
        Label title = new Label();
        title.setId("whatIfTitle");
        title.getStyleClass().add(Styles.TEXT_BOLD);
        Label text = new Label();
        text.setId("whatIfText");
        text.setWrapText(true);
        VBox words = new VBox(2, title, text);
        HBox.setHgrow(words, Priority.ALWAYS);
        Button dismiss = new Button(null, new FontIcon(Feather.X));
        dismiss.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        dismiss.setTooltip(new Tooltip("Hide (the models keep training)"));
        dismiss.setOnAction(e -> vm.dismiss());
        getChildren().addAll(new FontIcon(Feather.ZAP), words, dismiss);
        vm.activeProperty().addListener((o, a, b) -> show(b, title, text));
        show(vm.activeProperty().get(), title, text);
        managedProperty().bind(visibleProperty());
    }

    private void show(WhatIf w, Label title, Label text) {
        setVisible(w != null);
        if (w != null) {
            title.setText("What if: " + w.title());
            text.setText(w.lookFor());
        }
    }
}
