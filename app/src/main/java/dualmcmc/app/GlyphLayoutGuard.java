package dualmcmc.app;

import java.lang.reflect.Method;

/**
 * Works around a JavaFX race that aborts the process on Linux ("free(): invalid pointer",
 * "malloc(): unaligned tcache chunk detected"): JavaFX lends one shared glyph layout to whichever
 * thread lays out text next, and its Pango version hands the layout back before it has freed its
 * native strings. The render thread lays out canvas text (our plots, JFreeChart's canvas) while the
 * FX thread measures labels and chart text, so both could free the same Pango memory. Found in a
 * core dump of an aborted start-up: the FX thread (JFreeChart measuring a tick label) and the
 * render thread (drawing a canvas's text) were both in PangoGlyphLayout.dispose().
 *
 * <p>Taking the shared layout once and never handing it back makes JavaFX give every later
 * layout a fresh instance of its own. Internal API, hence reflection: where it is not reachable
 * (JavaFX on the module path without {@code --add-exports javafx.graphics/com.sun.javafx.text=ALL-UNNAMED})
 * the app runs as before and says so once.
 */
public final class GlyphLayoutGuard {
    private static Object pinned;

    private GlyphLayoutGuard() {
    }

    /** Idempotent; call on the FX thread before the first window shows text. */
    public static synchronized void install() {
        if (pinned != null) {
            return;
        }
        try {
            Method getInstance = Class.forName("com.sun.javafx.text.GlyphLayout").getMethod("getInstance");
            pinned = getInstance.invoke(null);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            pinned = e;
            System.err.println("Note: could not apply the JavaFX text-layout race workaround (" + e
                    + "); text drawn on two threads at once may crash on Linux");
        }
    }

    /** Whether the shared layout is held (for tests). */
    static synchronized boolean installed() {
        return pinned != null && !(pinned instanceof Throwable);
    }
}
