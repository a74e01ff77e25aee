package dualmcmc.app.prefs;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
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

    public static void theme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        Ink.set(dark);
    }

    /** Scales the scene's text, and with it the controls sized in em. */
    public static void scale(Scene scene, double scale) {
        scene.getRoot().setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", BASE_FONT_PX * scale));
    }
}
