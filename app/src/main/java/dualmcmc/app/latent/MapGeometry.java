package dualmcmc.app.latent;

import dualmcmc.engine.session.DataInfo;

/**
 * The latent map's numbers apart from its drawing: the plot box around an embedding, where the
 * hover card goes beside a point and how far its thumbnails are enlarged.
 */
public final class MapGeometry {
    /** t-SNE and PCA maps have no outliers that chains wander to: a thin margin keeps the points large. */
    private static final double MARGIN = 1.06;
    private static final double PAD = 1e-9;
    /** Pixels between the point and the card. */
    private static final double OFFSET = 14;
    /** The least gap between the card and the area's top or bottom edge. */
    private static final double INSET = 4;
    /** The side in pixels a thumbnail reaches at least, so 8x8 and 28x28 images both read. */
    private static final double THUMBNAIL = 56;
    private static final int MIN_ZOOM = 3;

    private MapGeometry() {
    }

    /** {xmin, xmax, ymin, ymax}: a square box around the embedding's points, centred on them. */
    public static double[] bounds(double[][] embedding) {
        return DataInfo.squareBounds(embedding, MARGIN, PAD);
    }

    /**
     * The top-left corner of a {@code w} x {@code h} card for the point at pixel (px, py) in an
     * area {@code areaW} x {@code areaH}: right of the point, or left where it would pass the
     * right edge; vertically centred on it but kept inside the area.
     */
    public static double[] card(double px, double py, double w, double h, double areaW, double areaH) {
        double x = px + OFFSET + w > areaW ? px - OFFSET - w : px + OFFSET;
        double y = Math.max(INSET, Math.min(py - h / 2, areaH - h - INSET));
        return new double[]{x, y};
    }

    /** The whole-number enlargement of an image's pixels for the card. */
    public static int zoom(int height, int width) {
        return Math.max(MIN_ZOOM, (int) Math.ceil(THUMBNAIL / Math.max(height, width)));
    }
}
