package dualmcmc.app.chart;

import javafx.scene.paint.Color;

/** The engine's colours, 0xRRGGBB ints because the engine has no JavaFX, as JavaFX colours. */
final class Rgb {
    private Rgb() {
    }

    static Color color(int rgb) {
        return Color.rgb(rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff);
    }
}
