package dualmcmc.app.prefs;

import dualmcmc.app.AppIcon;
import dualmcmc.app.io.AutosaveSettings;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.util.Locale;

/** View > Settings: theme, UI scale and autosave; Reset to defaults forgets every stored setting but recent files. */
public final class SettingsDialog {
    /** What the user chose; {@code reset} means Reset to defaults was pressed (the other fields are then the defaults). */
    public record Choice(Theme theme, double scale, AutosaveSettings autosave, boolean reset) {
        public static final Choice DEFAULTS = new Choice(AppPreferences.DEFAULT.theme(), AppPreferences.DEFAULT.scale(),
                AutosaveSettings.DEFAULT, true);
    }

    public static final ButtonType RESET = new ButtonType("Reset to defaults", ButtonBar.ButtonData.LEFT);

    private SettingsDialog() {
    }

    /** The dialog, filled with {@code current}; its result is null when cancelled. */
    public static Dialog<Choice> create(Window owner, Choice current) {
        ChoiceBox<Theme> theme = new ChoiceBox<>();
        theme.getItems().addAll(Theme.values());
        theme.setValue(current.theme());
        theme.setId("settingsTheme");
        ChoiceBox<Double> scale = new ChoiceBox<>();
        scale.getItems().addAll(AppPreferences.SCALES);
        scale.setValue(current.scale());
        scale.setId("settingsScale");
        scale.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double d) {
                return d == null ? "" : String.format(Locale.ROOT, "%.0f%%", d * 100);
            }

            @Override
            public Double fromString(String s) {
                return Double.parseDouble(s.replace("%", "")) / 100;
            }
        });
        AutosaveSettings a = current.autosave();
        CheckBox autosave = new CheckBox("Autosave while training");
        autosave.setSelected(a.enabled());
        autosave.setId("settingsAutosave");
        Spinner<Integer> every = new Spinner<>(1, 1_000_000, a.every(), 100);
        every.setEditable(true);
        every.setId("settingsAutosaveEvery");
        Spinner<Integer> keep = new Spinner<>(1, 100, a.keep());
        keep.setEditable(true);
        keep.setId("settingsAutosaveKeep");
        every.disableProperty().bind(autosave.selectedProperty().not());
        keep.disableProperty().bind(autosave.selectedProperty().not());

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        grid.addRow(0, new Label("Theme"), theme);
        grid.addRow(1, new Label("UI scale"), scale);
        grid.add(autosave, 0, 2, 2, 1);
        grid.addRow(3, new Label("every (iterations)"), every);
        grid.addRow(4, new Label("keep (newest files)"), keep);
        grid.add(new Label("Autosaves go to " + (a.folder() != null ? a.folder() : AutosaveSettings.defaultRoot()
                + "/<data set>") + " (File \u203a Autosave\u2026 changes the folder)."), 0, 5, 2, 1);

        Dialog<Choice> d = new Dialog<>();
        d.setTitle("Settings");
        if (owner != null) {
            d.initOwner(owner);
            d.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        d.getDialogPane().setId("settingsDialog");
        d.getDialogPane().setContent(grid);
        d.getDialogPane().getButtonTypes().addAll(RESET, ButtonType.OK, ButtonType.CANCEL);
        if (d.getDialogPane().getScene().getWindow() instanceof Stage s) {
            AppIcon.apply(s);
        }
        d.setResultConverter(b -> {
            if (b == RESET) {
                return Choice.DEFAULTS;
            }
            if (b != ButtonType.OK) {
                return null;
            }
            return new Choice(theme.getValue(), scale.getValue(), new AutosaveSettings(
                    autosave.isSelected(), every.getValue(), keep.getValue(), a.folder()), false);
        });
        return d;
    }
}
