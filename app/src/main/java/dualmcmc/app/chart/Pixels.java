package dualmcmc.app.chart;

import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;

/**
 * Model images to screen pixels, in one place: values in [-1, 1], channel-major (C, H, W)
 * flattened; three channels are drawn in colour (RGB), one channel in grey.
 */
public final class Pixels {
    private Pixels() {
    }

    /** The opaque ARGB colour of pixel {@code p} (= y * width + x) of image {@code v}. */
    public static int argb(float[] v, int channels, int plane, int p) {
        int r;
        int g;
        int b;
        if (channels >= 3) {
            r = to255(v[p]);
            g = to255(v[plane + p]);
            b = to255(v[2 * plane + p]);
        } else {
            r = g = b = to255(v[p]);
        }
        return 0xff000000 | (r << 16) | (g << 8) | b;
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

    static int to255(float v) {
        return (int) Math.round(Math.max(0, Math.min(1, (v + 1) / 2)) * 255);
    }
}
