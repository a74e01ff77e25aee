package dualmcmc.app.chart;

import java.util.Arrays;

/**
 * Contour lines of a heatmap by marching squares: per level, straight segments across each grid
 * cell the level passes through, in data units so they stay put when the plot is resized.
 */
public final class Contours {
    private Contours() {
    }

    /** {@code count} levels evenly inside (lo, hi); the ends are left out, they would trace the clipped extremes. */
    public static double[] levels(double lo, double hi, int count) {
        double[] out = new double[count];
        for (int c = 0; c < count; c++) {
            out[c] = lo + (hi - lo) * (c + 1) / (count + 1.0);
        }
        return out;
    }

    /**
     * Per level, its segments as x0, y0, x1, y1, ... for values[j][i] sampled at cell centres
     * x = xmin + (i + 0.5) (xmax - xmin) / nx, y = ymin + (j + 0.5) (ymax - ymin) / ny.
     */
    public static double[][] segments(double[][] v, double xmin, double xmax, double ymin, double ymax,
                                      double[] levels) {
        int ny = v.length;
        int nx = v[0].length;
        double cw = (xmax - xmin) / nx;
        double ch = (ymax - ymin) / ny;
        double[][] out = new double[levels.length][];
        double[] xs = new double[4];
        double[] ys = new double[4];
        for (int l = 0; l < levels.length; l++) {
            double level = levels[l];
            double[] seg = new double[64];
            int len = 0;
            for (int j = 0; j < ny - 1; j++) {
                for (int i = 0; i < nx - 1; i++) {
                    double a = v[j][i];
                    double b = v[j][i + 1];
                    double c = v[j + 1][i + 1];
                    double d = v[j + 1][i];
                    int n = 0;
                    double x0 = xmin + (i + 0.5) * cw;
                    double y0 = ymin + (j + 0.5) * ch;
                    if ((a < level) != (b < level)) {
                        xs[n] = x0 + cw * (level - a) / (b - a);
                        ys[n++] = y0;
                    }
                    if ((b < level) != (c < level)) {
                        xs[n] = x0 + cw;
                        ys[n++] = y0 + ch * (level - b) / (c - b);
                    }
                    if ((d < level) != (c < level)) {
                        xs[n] = x0 + cw * (level - d) / (c - d);
                        ys[n++] = y0 + ch;
                    }
                    if ((a < level) != (d < level)) {
                        xs[n] = x0;
                        ys[n++] = y0 + ch * (level - a) / (d - a);
                    }
                    // a saddle crosses all four edges: pairing them in order is the usual ambiguity, kept
                    for (int m = 0; m + 1 < n; m += 2) {
                        if (len + 4 > seg.length) {
                            seg = Arrays.copyOf(seg, seg.length * 2);
                        }
                        seg[len++] = xs[m];
                        seg[len++] = ys[m];
                        seg[len++] = xs[m + 1];
                        seg[len++] = ys[m + 1];
                    }
                }
            }
            out[l] = Arrays.copyOf(seg, len);
        }
        return out;
    }
}
