package dualmcmc.app.chart;

/** Which of a set of 2-D points a pointer means: the nearest, within a radius or to a centre. */
public final class NearestPoint {
    private NearestPoint() {
    }

    /** The index of the point nearest (x, y) strictly closer than {@code radius}, or -1. */
    public static int within(double[][] pts, double x, double y, double radius) {
        return nearest(pts, null, x, y, radius * radius);
    }

    /**
     * Of the points {@code ids}, the one nearest their mean: a typical member of a group, where the
     * mean itself may fall between clusters; -1 for no ids.
     */
    public static int central(double[][] pts, int[] ids) {
        double mx = 0;
        double my = 0;
        for (int i : ids) {
            mx += pts[i][0] / ids.length;
            my += pts[i][1] / ids.length;
        }
        return nearest(pts, ids, mx, my, Double.MAX_VALUE);
    }

    /** Of the points ids (null: all), the first nearest (x, y) at a squared distance below limit2. */
    private static int nearest(double[][] pts, int[] ids, double x, double y, double limit2) {
        int hit = -1;
        double best = limit2;
        int n = ids == null ? pts.length : ids.length;
        for (int k = 0; k < n; k++) {
            int i = ids == null ? k : ids[k];
            double dx = pts[i][0] - x;
            double dy = pts[i][1] - y;
            double d = dx * dx + dy * dy;
            if (d < best) {
                best = d;
                hit = i;
            }
        }
        return hit;
    }
}
