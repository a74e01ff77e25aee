package dualmcmc.app.chart;

/**
 * Where a {@link PlotCanvas} puts its square plot on a canvas of a given size, and the mapping
 * between data units and canvas pixels both ways (y up), kept apart from drawing so it can be tested.
 */
public final class PlotGeometry {
    /** Room left of the square for the y tick labels and the rotated axis label. */
    public static final double PAD_LEFT = 44;
    /** Room below the square for the x tick labels and the axis label. */
    public static final double PAD_BOTTOM = 34;
    public static final double PAD = 10;
    /** The title's row above the square, when there is a title. */
    public static final double TITLE = 20;

    private final double xmin;
    private final double xmax;
    private final double ymin;
    private final double ymax;
    private final double side;
    private final double left;
    private final double top;

    /**
     * @param width  the canvas's width in pixels
     * @param height the canvas's height in pixels
     * @param titled whether a title row sits above the plot
     */
    public PlotGeometry(double width, double height, boolean titled, double xmin, double xmax, double ymin,
                        double ymax) {
        this(width, height, titled, xmin, xmax, ymin, ymax, 1);
    }

    /** @param textScale how much larger than 1 the text is drawn (presenter mode): the margins grow with it */
    public PlotGeometry(double width, double height, boolean titled, double xmin, double xmax, double ymin,
                        double ymax, double textScale) {
        this.xmin = xmin;
        this.xmax = xmax;
        this.ymin = ymin;
        this.ymax = ymax;
        double padLeft = PAD_LEFT * textScale;
        double titleRow = titled ? TITLE * textScale : 0;
        double w = width - padLeft - PAD;
        double h = height - PAD_BOTTOM * textScale - PAD - titleRow;
        // never collapse to nothing: a tiny canvas still maps and inverts without dividing by zero
        side = Math.max(10, Math.min(w, h));
        // a wide canvas centres the square in the room right of the y labels
        left = padLeft + Math.max(0, (width - padLeft - PAD - side) / 2);
        top = PAD + titleRow;
    }

    /** The plot square's side in pixels. */
    public double side() {
        return side;
    }

    /** The square's left edge in canvas pixels. */
    public double left() {
        return left;
    }

    /** The square's top edge in canvas pixels. */
    public double top() {
        return top;
    }

    /** Canvas x of data x. */
    public double sx(double x) {
        return left + (x - xmin) / (xmax - xmin) * side;
    }

    /** Canvas y of data y: ymax at the top. */
    public double sy(double y) {
        return top + (ymax - y) / (ymax - ymin) * side;
    }

    /** A length along x in data units, in pixels. */
    public double pixelsX(double dx) {
        return dx / (xmax - xmin) * side;
    }

    /** A length along y in data units, in pixels. */
    public double pixelsY(double dy) {
        return dy / (ymax - ymin) * side;
    }

    /** Data units per pixel along x: a hit radius in pixels becomes one in data units. */
    public double unitsPerPixel() {
        return (xmax - xmin) / side;
    }

    /** The data point under canvas pixel (px, py), or null outside the plot square. */
    public double[] toData(double px, double py) {
        double u = (px - left) / side;
        double v = (py - top) / side;
        if (u < 0 || u > 1 || v < 0 || v > 1) {
            return null;
        }
        return new double[]{xmin + u * (xmax - xmin), ymax - v * (ymax - ymin)};
    }
}
