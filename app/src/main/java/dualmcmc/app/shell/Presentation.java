package dualmcmc.app.shell;

import dualmcmc.app.AppState;
import dualmcmc.app.chart.Charts;
import dualmcmc.app.prefs.AppPreferences;
import dualmcmc.app.prefs.Appearance;
import dualmcmc.app.prefs.SettingsDialog;
import dualmcmc.app.prefs.Theme;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.Parent;
import javafx.scene.control.Dialog;
import javafx.stage.Stage;

import java.util.prefs.Preferences;

/**
 * How the window looks: the theme, the UI scale, presenter mode (full screen, larger text, thicker
 * lines: F11) and View › Settings, which stores the choice.
 */
public final class Presentation {
    static final double PRESENTER_SCALE = 1.5;
    static final double PRESENTER_STROKE = 1.7;

    private final Parent window;
    private final AppState main;
    private final Preferences prefs;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final BooleanProperty presenter = new SimpleBooleanProperty(false);
    private final DoubleProperty uiScale = new SimpleDoubleProperty(AppPreferences.DEFAULT.scale());
    private double scaleBeforePresenting = AppPreferences.DEFAULT.scale();

    Presentation(Parent window, AppState main, Preferences prefs) {
        this.window = window;
        this.main = main;
        this.prefs = prefs;
        theme.addListener((o, a, b) -> Appearance.theme(b, window.getScene()));
        uiScale.addListener((o, a, b) -> applyScale());
        window.sceneProperty().addListener((o, a, b) -> {
            applyScale();
            Appearance.theme(theme.get(), b);
        });
        presenter.addListener((o, a, b) -> present(b));
    }

    /** Light, dark (the toolbar's moon button) or high contrast (View menu, Settings). */
    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** UI scale, 1 = the app's 13 px text. */
    public DoubleProperty uiScaleProperty() {
        return uiScale;
    }

    public BooleanProperty presenterProperty() {
        return presenter;
    }

    /** The UI scale the user chose (presenter mode's larger one is not kept). */
    public double chosenScale() {
        return presenter.get() ? scaleBeforePresenting : uiScale.get();
    }

    /** View › Settings (non-modal: the choice is applied when the dialog closes). */
    public Dialog<SettingsDialog.Choice> showSettings() {
        Dialog<SettingsDialog.Choice> d = SettingsDialog.create(window.getScene() == null ? null
                : window.getScene().getWindow(),
                new SettingsDialog.Choice(theme.get(), uiScale.get(), main.autosaveProperty().get(), false));
        d.setOnHidden(e -> {
            if (d.getResult() != null) {
                applySettings(d.getResult());
            }
        });
        d.show();
        return d;
    }

    /** Applies and stores a Settings choice; Reset to defaults also forgets the window's place and size. */
    public void applySettings(SettingsDialog.Choice c) {
        if (c.reset()) {
            AppPreferences.reset(prefs);
            if (stage() != null) {
                stage().setMaximized(false);
                stage().setWidth(AppPreferences.DEFAULT.width());
                stage().setHeight(AppPreferences.DEFAULT.height());
                stage().centerOnScreen();
            }
        }
        theme.set(c.theme());
        uiScale.set(c.scale());
        main.autosaveProperty().set(c.autosave());
        c.autosave().store(prefs);
        AppPreferences.load(prefs).withLook(c.theme(), c.scale()).store(prefs);
        main.messageProperty().set(c.reset() ? "Settings reset to their defaults" : "Settings saved");
    }

    private Stage stage() {
        return window.getScene() != null && window.getScene().getWindow() instanceof Stage s ? s : null;
    }

    private void present(boolean on) {
        if (on) {
            scaleBeforePresenting = uiScale.get();
            uiScale.set(Math.max(scaleBeforePresenting, PRESENTER_SCALE));
            Charts.STROKE.set(PRESENTER_STROKE);
        } else {
            uiScale.set(scaleBeforePresenting);
            Charts.STROKE.set(1.0);
        }
        Stage stage = stage();
        if (stage != null) {
            stage.setFullScreenExitHint(on ? "F11 or Esc ends presenter mode" : "");
            if (stage.isFullScreen() != on) {
                stage.setFullScreen(on);
            }
            if (!stage.getProperties().containsKey("dualmcmc.presenter")) {
                // Esc leaves full screen: that ends presenter mode too
                stage.getProperties().put("dualmcmc.presenter", true);
                stage.fullScreenProperty().addListener((o, a, b) -> {
                    if (!b && presenter.get()) {
                        presenter.set(false);
                    }
                });
            }
        }
        main.messageProperty().set(on ? "Presenter mode: F11 or Esc ends it" : "Presenter mode ended");
    }

    private void applyScale() {
        if (window.getScene() != null) {
            Appearance.scale(window.getScene(), uiScale.get());
        }
        Charts.TEXT.set(uiScale.get());
    }
}
