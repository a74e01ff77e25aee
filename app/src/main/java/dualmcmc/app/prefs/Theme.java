package dualmcmc.app.prefs;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dualmcmc.app.chart.Ink;

/**
 * The app's looks: Primer Light, Primer Dark, and a high-contrast theme for projectors and low
 * vision (Primer Dark's controls on pure black, white text and borders, yellow focus), each with
 * the ink of what the app draws itself.
 */
public enum Theme {
    LIGHT("Light", Ink.LIGHT, null),
    DARK("Dark", Ink.DARK, null),
    HIGH_CONTRAST("High contrast", Ink.HIGH_CONTRAST, "/dualmcmc/app/high-contrast.css");

    private final String label;
    private final Ink ink;
    private final String overrides;

    Theme(String label, Ink ink, String overrides) {
        this.label = label;
        this.ink = ink;
        this.overrides = overrides;
    }

    public String label() {
        return label;
    }

    public Ink ink() {
        return ink;
    }

    /** Primer's stylesheet this theme builds on. */
    String userAgentStylesheet() {
        return this == LIGHT ? new PrimerLight().getUserAgentStylesheet() : new PrimerDark().getUserAgentStylesheet();
    }

    /** A scene stylesheet that changes Primer's colours, or null. */
    String overrides() {
        return overrides == null ? null : Theme.class.getResource(overrides).toExternalForm();
    }

    /** The theme with {@code label}, or LIGHT for anything else (a hand-edited preference). */
    public static Theme of(String label) {
        for (Theme t : values()) {
            if (t.label.equals(label) || t.name().equals(label)) {
                return t;
            }
        }
        return LIGHT;
    }

    @Override
    public String toString() {
        return label;
    }
}
