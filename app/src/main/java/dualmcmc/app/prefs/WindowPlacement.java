package dualmcmc.app.prefs;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.util.List;

/**
 * Puts the main window where it was last time, fitted to the screen it lands on: a monitor
 * unplugged or a smaller screen since (or the default size on a small laptop) must not open the
 * window partly off-screen, where its menus cannot be reached.
 */
public final class WindowPlacement {
    private WindowPlacement() {
    }

    public static void restore(Stage stage, AppPreferences p) {
        boolean placed = !Double.isNaN(p.x());
        List<Screen> screens = placed ? Screen.getScreensForRectangle(p.x(), p.y(), 100, 100) : List.of();
        Rectangle2D bounds = (screens.isEmpty() ? Screen.getPrimary() : screens.get(0)).getVisualBounds();
        Rectangle2D r = fit(placed && !screens.isEmpty() ? p.x() : Double.NaN, p.y(), p.width(), p.height(), bounds);
        stage.setWidth(r.getWidth());
        stage.setHeight(r.getHeight());
        stage.setX(r.getMinX());
        stage.setY(r.getMinY());
        stage.setMaximized(p.maximized());
    }

    /**
     * The window's place: at most the screen's size, inside it, at (x, y) where that is on it, or
     * centred when x is NaN (no place remembered, or one on a screen that is gone).
     */
    static Rectangle2D fit(double x, double y, double width, double height, Rectangle2D screen) {
        double w = Math.min(width, screen.getWidth());
        double h = Math.min(height, screen.getHeight());
        double left = Double.isNaN(x) ? screen.getMinX() + (screen.getWidth() - w) / 2 : x;
        double top = Double.isNaN(x) ? screen.getMinY() + (screen.getHeight() - h) / 2 : y;
        left = Math.max(screen.getMinX(), Math.min(left, screen.getMaxX() - w));
        top = Math.max(screen.getMinY(), Math.min(top, screen.getMaxY() - h));
        return new Rectangle2D(left, top, w, h);
    }

    /** The window as it is now, with the look and view the app reports. */
    public static AppPreferences capture(Stage stage, Theme theme, double scale, String view) {
        return new AppPreferences(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized(),
                theme, scale, view);
    }
}
