package dualmcmc.app.shell;

import dualmcmc.app.AppState;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.util.Locale;

/** The status line, a progress bar while the worker is busy, the main keys, and the training state. */
final class StatusBar extends HBox {
    /** @param pages how many pages Ctrl+digit selects */
    StatusBar(AppState main, int pages) {
        super(10);
        Label msg = new Label();
        msg.setId("statusMessage");
        msg.textProperty().bind(main.messageProperty());
        msg.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(msg, Priority.ALWAYS);
        Label state = new Label();
        state.setId("stateLabel");
        state.getStyleClass().add("state-badge");
        state.textProperty().bind(Bindings.createStringBinding(
                () -> main.stateProperty().get().name().toLowerCase(Locale.ROOT), main.stateProperty()));
        state.setTooltip(new Tooltip("Training state: ready, running, paused, finished or stopped"));
        ProgressBar progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        progress.setId("progress");
        progress.setPrefWidth(140);
        progress.visibleProperty().bind(main.busyProperty().greaterThan(0));
        Tooltip.install(progress, new Tooltip("Working: loading data, building models or running chains"));
        Label keys = new Label("Space train/play \u00b7 \u2190 \u2192 step \u00b7 Ctrl+1-" + pages
                + " views \u00b7 Ctrl+S save \u00b7 F11 presenter");
        keys.setId("keyHint");
        keys.getStyleClass().add("muted");
        // a long message is cut, never the keys or the state
        keys.setMinWidth(Region.USE_PREF_SIZE);
        state.setMinWidth(Region.USE_PREF_SIZE);
        progress.setMinWidth(Region.USE_PREF_SIZE);
        msg.setMinWidth(0);
        getChildren().addAll(msg, progress, keys, state);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("status-bar");
        setPadding(new Insets(4, 12, 4, 12));
    }
}
