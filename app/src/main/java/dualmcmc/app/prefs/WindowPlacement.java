package dualmcmc.app.prefs;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Puts the main window where it was last time, unless that place is on no screen any more. */
public final class WindowPlacement {
    private WindowPlacement() {
    }

    public static void restore(Stage stage, AppPreferences p) {
        stage.setWidth(p.width());
        stage.setHeight(p.height());
        // a monitor unplugged since: let the system place the window rather than open it off-screen
        if (!Double.isNaN(p.x()) && !Screen.getScreensForRectangle(new Rectangle2D(p.x(), p.y(), 100, 100)).isEmpty()) {
            stage.setX(p.x());
            stage.setY(p.y());
        }
        stage.setMaximized(p.maximized());
    }

    /** The window as it is now, with the look and view the app reports. */
    public static AppPreferences capture(Stage stage, boolean dark, double scale, String view) {
        return new AppPreferences(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized(),
                dark, scale, view);
    }
}
