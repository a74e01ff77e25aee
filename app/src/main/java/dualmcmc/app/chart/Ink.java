package dualmcmc.app.chart;

import javafx.scene.Node;
import javafx.scene.paint.Color;

import java.util.function.Consumer;

/**
 * The colours of what the app draws itself (JFreeChart charts, canvases, image grids): background,
 * text, secondary text, grid lines and an empty plot's fill, for the light and the dark theme
 * (Primer's own values). CSS cannot reach those pixels, so they follow the theme from here.
 * The current ink mirrors JavaFX's user agent stylesheet, which is itself one per application.
 */
public record Ink(Color background, Color text, Color muted, Color grid, Color empty) {
    public static final Ink LIGHT = new Ink(Color.WHITE, Color.web("#24292f"), Color.web("#57606a"),
            Color.web("#d0d7de"), Color.web("#f6f8fa"));
    public static final Ink DARK = new Ink(Color.web("#0d1117"), Color.web("#e6edf3"), Color.web("#9198a1"),
            Color.web("#30363d"), Color.web("#161b22"));

    /** Pure black and white, for projectors and low vision; muted text still above 12:1. */
    public static final Ink HIGH_CONTRAST = new Ink(Color.BLACK, Color.WHITE, Color.web("#e6e6e6"),
            Color.web("#8c8c8c"), Color.web("#0a0a0a"));

    private static final Look<Ink> CURRENT = new Look<>("ink", LIGHT);

    public static Ink current() {
        return CURRENT.get();
    }

    /** Called by the theme switch (Appearance.theme). */
    public static void set(Ink ink) {
        CURRENT.set(ink);
    }

    /** Calls {@code apply} now and on every theme change, for as long as {@code owner} lives. */
    public static void follow(Node owner, Consumer<Ink> apply) {
        CURRENT.follow(owner, apply);
    }

    /** WCAG contrast ratio between two colours (1 to 21). */
    public static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * lin(c.getRed()) + 0.7152 * lin(c.getGreen()) + 0.0722 * lin(c.getBlue());
    }

    private static double lin(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
}
