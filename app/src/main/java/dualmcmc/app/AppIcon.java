package dualmcmc.app;

import javafx.scene.image.Image;
import javafx.stage.Stage;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The app's icon (assets/icon, drawn from dualmcmc.svg) at the sizes window managers pick from:
 * the title bar takes 16 or 32, task switchers 48 to 256.
 */
public final class AppIcon {
    static final int[] SIZES = {16, 32, 48, 64, 128, 256};
    private static List<Image> images;

    private AppIcon() {
    }

    /** The icon at every size the build bundles; empty if the resources are missing. */
    public static synchronized List<Image> images() {
        if (images == null) {
            List<Image> found = new ArrayList<>();
            for (int s : SIZES) {
                InputStream in = AppIcon.class.getResourceAsStream(resource(s));
                if (in != null) {
                    found.add(new Image(in));
                }
            }
            images = List.copyOf(found);
        }
        return images;
    }

    public static String resource(int size) {
        return "/dualmcmc/assets/icon/dualmcmc-" + size + ".png";
    }

    /** Gives {@code stage} the icon (the main window and every dialog, so none shows Java's cup). */
    public static void apply(Stage stage) {
        stage.getIcons().setAll(images());
    }
}
