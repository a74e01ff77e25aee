package dualmcmc.app.chart;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.util.List;

/**
 * A grid of small images (values in [-1, 1], channels x height x width, flattened; three channels
 * in colour, see {@link Pixels}), drawn with
 * nearest-neighbour scaling; optional column and row labels, a coloured frame per row and a
 * highlighted column (the current step, red).
 */
public final class ImageGrid extends CanvasRegion {
    private static final Font FONT = Font.font("System", 11);
    private float[][] cells = new float[0][];
    private int rows;
    private int cols;
    private int channels = 1;
    private int height = 1;
    private int width = 1;
    private List<String> colLabels = List.of();
    private List<String> rowLabels = List.of();
    private Color[] colColors;
    private int highlightCol = -1;
    private int changeFromCol = Integer.MAX_VALUE;
    private double changeScale;
    private String title = "";
    private WritableImage image;

    public ImageGrid() {
        Ink.follow(this, ink -> {
            image = null;
            redraw();
        });
        setMinSize(120, 120);
        setPrefSize(480, 480);
    }


    public void setTitle(String title) {
        this.title = title == null ? "" : title;
    }

    /** cells in row-major order (rows x cols), each a flat image of the given shape. */
    public void setImages(float[][] cells, int rows, int cols, int channels, int height, int width) {
        this.cells = cells;
        this.rows = rows;
        this.cols = cols;
        this.channels = channels;
        this.height = height;
        this.width = width;
        image = null;
    }

    public void setLabels(List<String> colLabels, List<String> rowLabels) {
        this.colLabels = colLabels == null ? List.of() : colLabels;
        this.rowLabels = rowLabels == null ? List.of() : rowLabels;
    }

    /** One accent colour per column (drawn as a thin bar above the column), or null. */
    public void setColumnColors(Color[] colors) {
        this.colColors = colors;
    }

    /**
     * Columns from {@code fromCol} on hold changes (differences of images), drawn on the diverging
     * map with full colour at +-{@code scale}; Integer.MAX_VALUE for none.
     */
    public void setChangeColumns(int fromCol, double scale) {
        this.changeFromCol = fromCol;
        this.changeScale = scale;
        image = null;
    }

    /** The first column drawn as a change (Integer.MAX_VALUE: none), and the change at full colour. */
    public int changeFromColumn() {
        return changeFromCol;
    }

    public double changeScale() {
        return changeScale;
    }

    public void setHighlightColumn(int c) {
        this.highlightCol = c;
    }

    private WritableImage build() {
        int w = GridLayout.imageWidth(cols, width);
        int h = GridLayout.imageHeight(rows, height);
        WritableImage img = new WritableImage(w, h);
        PixelWriter pw = img.getPixelWriter();
        int gapColour = Rgb.argb(Ink.current().background());
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                pw.setArgb(x, y, gapColour);
            }
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int idx = r * cols + c;
                if (idx < cells.length && cells[idx] != null) {
                    int x = GridLayout.imageX(c, width);
                    int y = GridLayout.imageY(r, height);
                    if (c >= changeFromCol) {
                        Pixels.drawChange(pw, x, y, cells[idx], channels, height, width, changeScale);
                    } else {
                        Pixels.draw(pw, x, y, cells[idx], channels, height, width);
                    }
                }
            }
        }
        return img;
    }

    @Override
    public void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double cw = canvas.getWidth();
        double ch = canvas.getHeight();
        g.clearRect(0, 0, cw, ch);
        if (rows == 0 || cols == 0) {
            return;
        }
        if (image == null) {
            image = build();
        }
        GridLayout at = new GridLayout(cw, ch, rows, cols, height, width, !title.isEmpty(), !colLabels.isEmpty(),
                rowLabels);
        if (!at.fits()) {
            return;
        }
        double ox = at.left();
        double oy = at.top();
        if (!title.isEmpty()) {
            g.setFont(Font.font("System", javafx.scene.text.FontWeight.BOLD, 13));
            g.setFill(Ink.current().text());
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.fillText(title, ox, 2);
        }
        g.setImageSmoothing(false);
        g.drawImage(image, ox, oy, at.width(), at.height());
        g.setFont(FONT);
        g.setTextBaseline(VPos.BOTTOM);
        g.setTextAlign(TextAlignment.CENTER);
        for (int c = 0; c < cols; c++) {
            if (colColors != null && c < colColors.length && colColors[c] != null) {
                g.setFill(colColors[c]);
                g.fillRect(at.columnX(c), oy - 4, at.pictureWidth(), 3);
            }
            if (c < colLabels.size()) {
                g.setFill(c == highlightCol ? Roles.MARKER : Ink.current().muted());
                g.fillText(colLabels.get(c), at.columnCentre(c), oy - 5);
            }
        }
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(Ink.current().muted());
        for (int r = 0; r < rows && r < rowLabels.size(); r++) {
            g.fillText(rowLabels.get(r), ox - 6, at.rowCentre(r));
        }
        if (highlightCol >= 0 && highlightCol < cols) {
            g.setStroke(Roles.MARKER);
            g.setLineWidth(2);
            double[] frame = at.columnFrame(highlightCol);
            g.strokeRect(frame[0], frame[1], frame[2], frame[3]);
        }
    }
}
