package dualmcmc.engine.export;

/**
 * The square window of a 2-D scatter in model units, fixed for all frames of an animation so that
 * motion on screen is motion of the chains.
 */
record Bounds(double minX, double minY, double size) {
    Bounds {
        if (!(size > 0) || Double.isInfinite(size)) {
            throw new IllegalArgumentException("bounds need a positive finite size, got " + size);
        }
    }

    /**
     * The square around {@code data} (its extent plus {@code margin} of it on each side), grown to
     * take in {@code extra} points too, but by at most {@code maxGrowth} of the data's extent per
     * side: a chain that runs off (noise starts, divergence) must not shrink the data to a dot.
     */
    static Bounds around(float[][] data, float[][] extra, double margin, double maxGrowth) {
        double[] d = extent(data);
        double span = Math.max(Math.max(d[2] - d[0], d[3] - d[1]), 1e-6);
        double[] e = extra == null || extra.length == 0 ? d : extent(extra);
        double lo0 = Math.max(Math.min(d[0], e[0]), d[0] - maxGrowth * span);
        double lo1 = Math.max(Math.min(d[1], e[1]), d[1] - maxGrowth * span);
        double hi0 = Math.min(Math.max(d[2], e[2]), d[2] + maxGrowth * span);
        double hi1 = Math.min(Math.max(d[3], e[3]), d[3] + maxGrowth * span);
        double size = Math.max(hi0 - lo0, hi1 - lo1) * (1 + 2 * margin);
        return new Bounds((lo0 + hi0 - size) / 2, (lo1 + hi1 - size) / 2, size);
    }

    /** {minX, minY, maxX, maxY} of finite points. */
    private static double[] extent(float[][] pts) {
        double[] r = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.NEGATIVE_INFINITY};
        for (float[] p : pts) {
            if (Float.isFinite(p[0]) && Float.isFinite(p[1])) {
                r[0] = Math.min(r[0], p[0]);
                r[1] = Math.min(r[1], p[1]);
                r[2] = Math.max(r[2], p[0]);
                r[3] = Math.max(r[3], p[1]);
            }
        }
        if (r[0] > r[2]) {
            return new double[]{-1, -1, 1, 1};
        }
        return r;
    }

    /** Screen x in a square of {@code side} pixels. */
    double px(double x, int side) {
        return (x - minX) / size * side;
    }

    /** Screen y (pointing down) in a square of {@code side} pixels. */
    double py(double y, int side) {
        return side - (y - minY) / size * side;
    }
}
