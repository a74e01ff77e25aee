package dualmcmc.app.widget;

import atlantafx.base.theme.Styles;
import dualmcmc.app.MainModel;
import dualmcmc.engine.config.Hyperparameter;
import dualmcmc.engine.config.LangevinSettings;
import dualmcmc.engine.config.TrainingConfig;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.function.IntConsumer;

/**
 * The chain controls of a revision view: where chains start (the dual-MCMC initialisation or
 * noise), the chain's k, s and n (validated by the engine's schema; they rerun the view's chains
 * without touching the training config), a new random draw and a rerun on the current models.
 */
public final class ChainSettingsBar extends HBox {
    private final ObjectProperty<LangevinSettings> settings;
    private final TextField[] fields = new TextField[3];
    private final String[] keys;
    private final Label error = new Label();

    public ChainSettingsBar(String prefix, MainModel main, ObjectProperty<LangevinSettings> settings, String[] keys,
                            String[] initLabels, String[] initTips, IntConsumer onInit, Runnable resample,
                            Runnable rerun) {
        this.settings = settings;
        this.keys = keys;
        setSpacing(8);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("chain-settings");
        Segmented seg = new Segmented(prefix + "Init", initLabels, initTips, onInit);
        getChildren().add(seg);
        for (int i = 0; i < 3; i++) {
            Hyperparameter h = TrainingConfig.schema(keys[i]);
            Label l = new Label(h.symbol());
            l.getStyleClass().add("field-label");
            TextField f = new TextField();
            f.setId(prefix + "Field-" + keys[i]);
            f.setPrefColumnCount(i == 0 ? 3 : 5);
            String tip = h.description() + ". Allowed: " + h.range()
                    + ". Changes this view's chains only (the training settings are on the left).";
            f.setTooltip(new Tooltip(tip));
            Tooltip.install(l, new Tooltip(tip));
            f.setOnAction(e -> commit());
            f.focusedProperty().addListener((o, a, b) -> {
                if (!b) {
                    commit();
                }
            });
            fields[i] = f;
            getChildren().addAll(l, f);
        }
        Button again = new Button(null, new FontIcon(Feather.SHUFFLE));
        again.setId(prefix + "Resample");
        again.getStyleClass().add(Styles.BUTTON_ICON);
        again.setTooltip(new Tooltip("Draw new starting points (a new random seed for the chains)"));
        again.setOnAction(e -> resample.run());
        Button rerunButton = new Button("Rerun", new FontIcon(Feather.REFRESH_CW));
        rerunButton.setId(prefix + "Rerun");
        rerunButton.setTooltip(new Tooltip("Run the chains again on the current models (they change while training)"));
        rerunButton.setOnAction(e -> rerun.run());
        error.getStyleClass().add(Styles.DANGER);
        error.setId(prefix + "ChainError");
        error.setWrapText(true);
        error.setMaxWidth(320);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        getChildren().addAll(again, rerunButton, error, grow);
        settings.addListener((o, a, b) -> show(b));
        show(settings.get());
    }

    private void show(LangevinSettings s) {
        if (s == null) {
            return;
        }
        Object[] values = {s.steps(), s.stepSize(), s.noise()};
        for (int i = 0; i < 3; i++) {
            fields[i].setText(TrainingConfig.schema(keys[i]).format(values[i]));
            fields[i].pseudoClassStateChanged(Styles.STATE_DANGER, false);
        }
        error.setText("");
    }

    private void commit() {
        Object[] v = new Object[3];
        for (int i = 0; i < 3; i++) {
            try {
                v[i] = TrainingConfig.schema(keys[i]).parse(fields[i].getText());
                fields[i].pseudoClassStateChanged(Styles.STATE_DANGER, false);
            } catch (IllegalArgumentException e) {
                fields[i].pseudoClassStateChanged(Styles.STATE_DANGER, true);
                error.setText(e.getMessage());
                return;
            }
        }
        error.setText("");
        // the bar edits k, s and n; clamping, annealing and the gradient clip (x_clamp, x_anneal,
        // x_grad_clip, set in the settings sheet) stay as they are
        LangevinSettings next = settings.get() == null
                ? new LangevinSettings((Integer) v[0], (Double) v[1], (Double) v[2])
                : settings.get().with((Integer) v[0], (Double) v[1], (Double) v[2]);
        if (!next.equals(settings.get())) {
            settings.set(next);
        }
    }
}
