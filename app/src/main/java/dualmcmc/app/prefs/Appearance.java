package dualmcmc.app.prefs;

import dualmcmc.app.chart.Ink;
import javafx.application.Application;
import javafx.scene.Scene;

import java.util.Locale;

/** Theme and UI scale, applied to the running app. */
public final class Appearance {
    /** The font size app.css gives the root; every size in the UI is relative to it or to em. */
    static final double BASE_FONT_PX = 13;

    private Appearance() {
    }

    /** Applies {@code theme} to the app; {@code scene} (may be null) gets or loses its overrides. */
    public static void theme(Theme theme, Scene scene) {
        Application.setUserAgentStylesheet(theme.userAgentStylesheet());
        if (scene != null) {
            for (Theme t : Theme.values()) {
                if (t.overrides() != null) {
                    scene.getStylesheets().remove(t.overrides());
                }
            }
            if (theme.overrides() != null) {
                scene.getStylesheets().add(theme.overrides());
            }
        }
        Ink.set(theme.ink());
    }

    /** Scales the scene's text, and with it the controls sized in em. */
    public static void scale(Scene scene, double scale) {
        scene.getRoot().setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", BASE_FONT_PX * scale));
    }
}
