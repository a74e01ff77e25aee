package dualmcmc.app.chart;

import javafx.scene.paint.Color;

/** A perceptual sequential colour map (viridis, sampled at 9 anchors and interpolated): 0 = dark, 1 = light. */
public final class Viridis {
    private static final double[][] ANCHORS = {
            {0.267, 0.005, 0.329}, {0.283, 0.141, 0.458}, {0.254, 0.265, 0.530}, {0.207, 0.372, 0.553},
            {0.164, 0.471, 0.558}, {0.128, 0.567, 0.551}, {0.135, 0.659, 0.518}, {0.267, 0.749, 0.441},
            {0.478, 0.821, 0.318}, {0.741, 0.873, 0.150}, {0.993, 0.906, 0.144}};
    private static final int LUT = 256;
    private static final int[] ARGB = new int[LUT];

    static {
        for (int i = 0; i < LUT; i++) {
            double t = i / (LUT - 1.0) * (ANCHORS.length - 1);
            int k = Math.min(ANCHORS.length - 2, (int) t);
            double f = t - k;
            int r = (int) Math.round(255 * (ANCHORS[k][0] * (1 - f) + ANCHORS[k + 1][0] * f));
            int g = (int) Math.round(255 * (ANCHORS[k][1] * (1 - f) + ANCHORS[k + 1][1] * f));
            int b = (int) Math.round(255 * (ANCHORS[k][2] * (1 - f) + ANCHORS[k + 1][2] * f));
            ARGB[i] = 0xff000000 | (r << 16) | (g << 8) | b;
        }
    }

    private Viridis() {
    }

    /** ARGB of t in [0, 1] (clamped). */
    public static int argb(double t) {
        if (Double.isNaN(t)) {
            return 0xff000000;
        }
        int i = (int) Math.round(Math.max(0, Math.min(1, t)) * (LUT - 1));
        return ARGB[i];
    }

    public static Color color(double t) {
        int c = argb(t);
        return Color.rgb((c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff);
    }
}
