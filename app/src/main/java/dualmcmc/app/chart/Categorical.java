package dualmcmc.app.chart;

import dualmcmc.engine.export.Palette;
import javafx.scene.paint.Color;

/** Colours for class labels: the engine's {@link Palette} classes, so more classes wrap around as there. */
public final class Categorical {
    private Categorical() {
    }

    public static Color color(int i) {
        return Rgb.color(Palette.classColour(i));
    }

    public static int size() {
        return Palette.classColours();
    }
}
