package dualmcmc.engine.session;

import dualmcmc.engine.data.Dataset;

import java.util.List;

/**
 * What views know of the loaded data set, as plain arrays: a subset of the points (2-D, model
 * units) with square plot bounds, or a few images.
 */
public record DataInfo(String name, int size, boolean image, int channels, int height, int width,
                       double[][] points, double[] bounds, float[][] images, List<String> classNames,
                       int modes) {
    /** Points drawn of a 2-D set: enough to show its shape, few enough to draw every frame. */
    static final int SHOWN_POINTS = 1500;
    /** Images kept of an image set: the z-revision's first observations. */
    static final int SHOWN_IMAGES = 64;

    /** Describes {@code d}, with a subset seeded by {@code seed}. */
    public static DataInfo of(Dataset d, long seed) {
        var shape = d.shape();
        int modes = d.mixture().map(m -> m.modes()).orElse(0);
        if (!shape.isImage()) {
            Dataset sub = d.size() > SHOWN_POINTS ? d.subset(SHOWN_POINTS, seed) : d;
            return new DataInfo(d.name(), d.size(), false, shape.channels(), shape.height(), shape.width(),
                    Plain.points(sub.x()), squareBounds(Plain.points(d.x())), null, d.classNames(), modes);
        }
        Dataset sub = d.subset(Math.min(SHOWN_IMAGES, d.size()), seed);
        return new DataInfo(d.name(), d.size(), true, shape.channels(), shape.height(), shape.width(), null, null,
                Plain.rows(sub.x()), d.classNames(), modes);
    }

    public int dim() {
        return channels * height * width;
    }

    public String describe() {
        String shape = image ? channels + "\u00d7" + height + "\u00d7" + width + " images" : dim() + "-D points";
        String m = modes > 0 ? " \u00b7 " + modes + " modes" : "";
        String c = classNames.isEmpty() || modes > 0 ? "" : " \u00b7 " + classNames.size()
                + (classNames.size() == 1 ? " class" : " classes");
        return name + " \u00b7 " + String.format("%,d", size) + " " + shape + m + c;
    }

    /** A square box around the points with a margin, so chains that wander a little stay visible. */
    public static double[] squareBounds(double[][] pts) {
        return squareBounds(pts, 1.3, 1e-3);
    }

    /**
     * The square box centred on the points' bounding box, its half side {@code margin} times half
     * the longer extent plus {@code pad}; the pad keeps a box around a single point.
     */
    public static double[] squareBounds(double[][] pts, double margin, double pad) {
        double x0 = Double.MAX_VALUE;
        double x1 = -Double.MAX_VALUE;
        double y0 = Double.MAX_VALUE;
        double y1 = -Double.MAX_VALUE;
        for (double[] p : pts) {
            x0 = Math.min(x0, p[0]);
            x1 = Math.max(x1, p[0]);
            y0 = Math.min(y0, p[1]);
            y1 = Math.max(y1, p[1]);
        }
        double cx = (x0 + x1) / 2;
        double cy = (y0 + y1) / 2;
        double half = Math.max(x1 - x0, y1 - y0) / 2 * margin + pad;
        return new double[]{cx - half, cx + half, cy - half, cy + half};
    }
}
