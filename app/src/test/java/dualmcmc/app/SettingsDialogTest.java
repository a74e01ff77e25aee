package dualmcmc.app;

import dualmcmc.app.prefs.Theme;

import dualmcmc.app.io.AutosaveSettings;
import dualmcmc.app.prefs.AppPreferences;
import dualmcmc.app.prefs.SettingsDialog;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** View > Settings changes the look and autosave, stores them, and Reset to defaults undoes it all. */
class SettingsDialogTest extends WindowTest {

    @BeforeEach
    void loaded() {
        FxTestSupport.waitLoaded(main, "ring8");
    }

    @AfterEach
    void lightThemeAgain() {
        FxTestSupport.fx(() -> {
            window.presentation().themeProperty().set(Theme.LIGHT);
            return null;
        });
    }

    private static Preferences prefs() {
        return Preferences.userRoot().node(FxTestSupport.PREFS);
    }

    private void press(Dialog<?> d, ButtonType b) {
        FxTestSupport.fx(() -> {
            ((Button) d.getDialogPane().lookupButton(b)).fire();
            return null;
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void aChoiceIsAppliedStoredAndResetToDefaults(FxRobot robot) {
        Dialog<SettingsDialog.Choice> d = FxTestSupport.fx(window.presentation()::showSettings);
        FxTestSupport.fx(() -> {
            ((ChoiceBox<Theme>) d.getDialogPane().lookup("#settingsTheme")).setValue(Theme.DARK);
            ((ChoiceBox<Double>) d.getDialogPane().lookup("#settingsScale")).setValue(1.5);
            ((CheckBox) d.getDialogPane().lookup("#settingsAutosave")).setSelected(true);
            return null;
        });
        press(d, ButtonType.OK);
        assertEquals(Theme.DARK, FxTestSupport.fx(() -> window.presentation().themeProperty().get()));
        assertTrue(FxTestSupport.fx(javafx.application.Application::getUserAgentStylesheet).contains("primer-dark"));
        assertEquals("-fx-font-size: 19.5px;", FxTestSupport.fx(() -> window.getScene().getRoot().getStyle()));
        assertTrue(FxTestSupport.fx(() -> main.autosaveProperty().get().enabled()));
        AppPreferences stored = AppPreferences.load(prefs());
        assertEquals(Theme.DARK, stored.theme());
        assertEquals(1.5, stored.scale());
        assertTrue(AutosaveSettings.load(prefs()).enabled());

        Dialog<SettingsDialog.Choice> again = FxTestSupport.fx(window.presentation()::showSettings);
        assertEquals(Theme.DARK, FxTestSupport.fx(() -> ((ChoiceBox<?>) again.getDialogPane().lookup("#settingsTheme"))
                .getValue()), "the dialog opens on what is in effect");
        press(again, SettingsDialog.RESET);
        assertEquals(Theme.LIGHT, FxTestSupport.fx(() -> window.presentation().themeProperty().get()));
        assertTrue(FxTestSupport.fx(javafx.application.Application::getUserAgentStylesheet).contains("primer-light"));
        assertEquals("-fx-font-size: 13.0px;", FxTestSupport.fx(() -> window.getScene().getRoot().getStyle()));
        assertEquals(AppPreferences.DEFAULT, AppPreferences.load(prefs()).withLook(Theme.LIGHT, 1.0));
        assertEquals(AutosaveSettings.DEFAULT, AutosaveSettings.load(prefs()));
        assertEquals(AutosaveSettings.DEFAULT, FxTestSupport.fx(() -> main.autosaveProperty().get()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void cancelChangesNothing(FxRobot robot) {
        Dialog<SettingsDialog.Choice> d = FxTestSupport.fx(window.presentation()::showSettings);
        FxTestSupport.fx(() -> {
            ((ChoiceBox<Double>) d.getDialogPane().lookup("#settingsScale")).setValue(1.3);
            return null;
        });
        press(d, ButtonType.CANCEL);
        assertEquals("-fx-font-size: 13.0px;", FxTestSupport.fx(() -> window.getScene().getRoot().getStyle()));
        assertEquals(1.0, AppPreferences.load(prefs()).scale());
    }
}
