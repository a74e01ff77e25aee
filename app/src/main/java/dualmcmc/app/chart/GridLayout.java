package dualmcmc.app.chart;

import java.util.List;

/**
 * Where an {@link ImageGrid} puts its cells: in the one image it builds (cells a pixel apart) and,
 * scaled to fit the canvas beside the labels, on screen; and which cell a screen pixel falls on.
 */
public final class GridLayout {
    /** Image pixels between cells and around the grid, in the theme's background colour. */
    public static final int GAP = 1;
    private static final double TITLE = 20;
    private static final double COLUMN_LABELS = 18;
    /** Left room without row labels: the row frames need a little. */
    private static final double NO_ROW_LABELS = 4;
    private static final double MARGIN = 6;

    private final int rows;
    private final int cols;
    private final double scale;
    private final double ox;
    private final double oy;
    private final double gw;
    private final double gh;
    private final double pitchX;
    private final double pitchY;

    /**
     * @param width     the canvas's width in pixels
     * @param height    the canvas's height in pixels
     * @param cellH     a cell's height in image pixels
     * @param cellW     a cell's width in image pixels
     * @param rowLabels the rows' labels (their length sets the room on the left), or empty
     */
    public GridLayout(double width, double height, int rows, int cols, int cellH, int cellW, boolean titled,
                      boolean columnLabels, List<String> rowLabels) {
        this.rows = rows;
        this.cols = cols;
        double top = (titled ? TITLE : 0) + (columnLabels ? COLUMN_LABELS : 0);
        int longest = rowLabels.stream().mapToInt(String::length).max().orElse(0);
        // no text measuring here: 6.5 px a character is the 11 px label font's average width
        double left = rowLabels.isEmpty() ? NO_ROW_LABELS : Math.max(70, 10 + 6.5 * longest);
        double availW = width - left - MARGIN;
        double availH = height - top - MARGIN;
        double imageW = imageWidth(cols, cellW);
        double imageH = imageHeight(rows, cellH);
        scale = Math.min(availW / imageW, availH / imageH);
        gw = imageW * scale;
        gh = imageH * scale;
        ox = left + Math.max(0, (availW - gw) / 2);
        oy = top;
        pitchX = (cellW + GAP) * scale;
        pitchY = (cellH + GAP) * scale;
    }

    /** The width of the image holding {@code cols} cells of {@code cellW} pixels, gaps included. */
    public static int imageWidth(int cols, int cellW) {
        return Math.max(1, cols * (cellW + GAP) + GAP);
    }

    /** The height of the image holding {@code rows} cells of {@code cellH} pixels, gaps included. */
    public static int imageHeight(int rows, int cellH) {
        return Math.max(1, rows * (cellH + GAP) + GAP);
    }

    /** The image x of column {@code col}'s first pixel. */
    public static int imageX(int col, int cellW) {
        return GAP + col * (cellW + GAP);
    }

    /** The image y of row {@code row}'s first pixel. */
    public static int imageY(int row, int cellH) {
        return GAP + row * (cellH + GAP);
    }

    /** {rows, cols} for n cells in a near-square block: as many columns as rows, or one more. */
    public static int[] squareShape(int n) {
        int cols = (int) Math.ceil(Math.sqrt(n));
        int rows = (n + cols - 1) / cols;
        return new int[]{rows, cols};
    }

    /** False when the canvas leaves no room: nothing is drawn. */
    public boolean fits() {
        return scale > 0;
    }

    /** Screen pixels per image pixel. */
    public double scale() {
        return scale;
    }

    /** The grid image's left edge on screen. */
    public double left() {
        return ox;
    }

    /** The grid image's top edge on screen. */
    public double top() {
        return oy;
    }

    public double width() {
        return gw;
    }

    public double height() {
        return gh;
    }

    /** A cell's picture width on screen, its gap left out. */
    public double pictureWidth() {
        return pitchX - scale;
    }

    /** A cell's picture height on screen, its gap left out. */
    public double pictureHeight() {
        return pitchY - scale;
    }

    /** The screen x where column {@code c}'s picture starts. */
    public double columnX(int c) {
        return ox + scale + c * pitchX;
    }

    /** The screen y where row {@code r}'s picture starts. */
    public double rowY(int r) {
        return oy + scale + r * pitchY;
    }

    /** The screen x of the middle of column {@code c}'s picture. */
    public double columnCentre(int c) {
        return columnX(c) + pictureWidth() / 2;
    }

    /** The screen y of the middle of row {@code r}'s picture. */
    public double rowCentre(int r) {
        return rowY(r) + pictureHeight() / 2;
    }

    /** {x, y, w, h} of a frame around column {@code c}, on the gaps either side so it hides no pixel. */
    public double[] columnFrame(int c) {
        return new double[]{ox + c * pitchX + 0.5 * scale, oy + 0.5 * scale, pitchX, gh - scale};
    }

    /** {row, col} of the cell whose picture holds screen pixel (px, py); null on a gap or outside. */
    public int[] cellAt(double px, double py) {
        if (!fits()) {
            return null;
        }
        double u = px - ox - scale;
        double v = py - oy - scale;
        int c = (int) Math.floor(u / pitchX);
        int r = (int) Math.floor(v / pitchY);
        if (c < 0 || c >= cols || r < 0 || r >= rows) {
            return null;
        }
        // the last scale pixels of each pitch are the gap after the picture
        if (u - c * pitchX >= pictureWidth() || v - r * pitchY >= pictureHeight()) {
            return null;
        }
        return new int[]{r, c};
    }
}
