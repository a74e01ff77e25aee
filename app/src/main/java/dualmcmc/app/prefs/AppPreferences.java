package dualmcmc.app.prefs;

import dualmcmc.app.io.AutosaveSettings;

import java.util.List;
import java.util.prefs.Preferences;

/**
 * What the app remembers between runs besides recent files: the window's place and size, theme,
 * UI scale and last view (autosave settings keep their own keys, see {@link AutosaveSettings}).
 * Kept with java.util.prefs in the app's node (on Linux ~/.java/.userPrefs/dualmcmc/explorer).
 *
 * @param x      window position; NaN until the window has been placed once (the system centres it)
 * @param view   the id of the page last shown; "" or an id no page has (any more) shows the first page
 */
public record AppPreferences(double x, double y, double width, double height, boolean maximized, Theme theme,
                             double scale, String view) {
    public static final List<Double> SCALES = List.of(0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0);
    public static final AppPreferences DEFAULT = new AppPreferences(Double.NaN, Double.NaN, 1440, 900, false, Theme.LIGHT,
            1.0, "");
    private static final String PREFIX = "window.";
    private static final List<String> KEYS = List.of("window.x", "window.y", "window.width", "window.height",
            "window.maximized", "window.dark", "window.theme", "window.scale", "window.view");

    /** Whatever was stored, with hand-edited or stale values replaced by the defaults rather than refused. */
    public static AppPreferences load(Preferences p) {
        double w = p.getDouble(PREFIX + "width", DEFAULT.width());
        double h = p.getDouble(PREFIX + "height", DEFAULT.height());
        double scale = p.getDouble(PREFIX + "scale", DEFAULT.scale());
        String view = p.get(PREFIX + "view", DEFAULT.view());
        return new AppPreferences(p.getDouble(PREFIX + "x", Double.NaN), p.getDouble(PREFIX + "y", Double.NaN),
                w >= 640 && w <= 10_000 ? w : DEFAULT.width(), h >= 480 && h <= 10_000 ? h : DEFAULT.height(),
                p.getBoolean(PREFIX + "maximized", false), theme(p),
                SCALES.contains(scale) ? scale : DEFAULT.scale(), view);
    }

    /** The stored theme; files of versions that kept only light or dark have "window.dark". */
    private static Theme theme(Preferences p) {
        String t = p.get(PREFIX + "theme", null);
        return t != null ? Theme.of(t) : p.getBoolean(PREFIX + "dark", false) ? Theme.DARK : Theme.LIGHT;
    }

    public void store(Preferences p) {
        if (!Double.isNaN(x) && !Double.isNaN(y)) {
            p.putDouble(PREFIX + "x", x);
            p.putDouble(PREFIX + "y", y);
        }
        p.putDouble(PREFIX + "width", width);
        p.putDouble(PREFIX + "height", height);
        p.putBoolean(PREFIX + "maximized", maximized);
        p.put(PREFIX + "theme", theme.name());
        p.putDouble(PREFIX + "scale", scale);
        p.put(PREFIX + "view", view);
    }

    /** Settings > Reset to defaults: window, theme, scale, view and autosave; recent files stay. */
    public static void reset(Preferences p) {
        KEYS.forEach(p::remove);
        AutosaveSettings.DEFAULT.store(p);
    }

    public AppPreferences withLook(Theme theme, double scale) {
        return new AppPreferences(x, y, width, height, maximized, theme, scale, view);
    }
}
