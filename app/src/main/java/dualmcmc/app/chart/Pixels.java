package dualmcmc.app.chart;

import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;

import static dualmcmc.engine.data.Pixels.argb;

/**
 * Model images to screen pixels: values in [-1, 1], channel-major (C, H, W) flattened, mapped to
 * colours by the engine's {@link dualmcmc.engine.data.Pixels}, so a sample looks the same on screen
 * as in an exported picture.
 */
public final class Pixels {
    private Pixels() {
    }

    /**
     * The colour of a change (a difference of two images, averaged over channels) on a diverging
     * map: white at zero, red where the image grew brighter, blue where it grew darker, full
     * colour at +-{@code scale} and beyond.
     */
    public static int argbChange(float[] d, int channels, int plane, int p, double scale) {
        double v = 0;
        int c = Math.max(1, Math.min(3, channels));
        for (int k = 0; k < c; k++) {
            v += d[k * plane + p];
        }
        double t = scale > 0 ? Math.max(-1, Math.min(1, v / c / scale)) : 0;
        // white -> #b2182b (positive) or #2166ac (negative), ColorBrewer's RdBu ends
        int r = t >= 0 ? mix(255, 0xb2, t) : mix(255, 0x21, -t);
        int g = t >= 0 ? mix(255, 0x18, t) : mix(255, 0x66, -t);
        int b = t >= 0 ? mix(255, 0x2b, t) : mix(255, 0xac, -t);
        return 0xff000000 | (r << 16) | (g << 8) | b;
    }

    private static int mix(int from, int to, double t) {
        return (int) Math.round(from + (to - from) * t);
    }

    /** Draws change {@code d} at (ox, oy) on the diverging map. */
    public static void drawChange(PixelWriter pw, int ox, int oy, float[] d, int channels, int height, int width,
                                  double scale) {
        int plane = height * width;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pw.setArgb(ox + x, oy + y, argbChange(d, channels, plane, y * width + x, scale));
            }
        }
    }

    /** Draws image {@code v} at (ox, oy). */
    public static void draw(PixelWriter pw, int ox, int oy, float[] v, int channels, int height, int width) {
        int plane = height * width;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pw.setArgb(ox + x, oy + y, argb(v, channels, plane, y * width + x));
            }
        }
    }

    public static WritableImage image(float[] v, int channels, int height, int width) {
        WritableImage img = new WritableImage(width, height);
        draw(img.getPixelWriter(), 0, 0, v, channels, height, width);
        return img;
    }
}
