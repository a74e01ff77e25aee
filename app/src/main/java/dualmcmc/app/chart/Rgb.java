package dualmcmc.app.chart;

import javafx.scene.paint.Color;

/** The engine's colours, 0xRRGGBB ints because the engine has no JavaFX, as JavaFX colours. */
final class Rgb {
    private Rgb() {
    }

    static Color color(int rgb) {
        return Color.rgb(rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff);
    }

    /** The opaque ARGB int of {@code c}, its alpha dropped: for pixels written straight into an image. */
    static int argb(Color c) {
        return 0xff000000 | ((int) Math.round(c.getRed() * 255) << 16) | ((int) Math.round(c.getGreen() * 255) << 8)
                | (int) Math.round(c.getBlue() * 255);
    }
}
