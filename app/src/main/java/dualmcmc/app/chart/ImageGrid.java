package dualmcmc.app.chart;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
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
public final class ImageGrid extends Region {
    private static final Font FONT = Font.font("System", 11);
    private final Canvas canvas = new Canvas();
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
        getChildren().add(canvas);
        Ink.follow(this, ink -> {
            image = null;
            redraw();
        });
        setMinSize(120, 120);
        setPrefSize(480, 480);
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            redraw();
        }
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
        int gap = 1;
        int w = cols * (width + gap) + gap;
        int h = rows * (height + gap) + gap;
        WritableImage img = new WritableImage(Math.max(1, w), Math.max(1, h));
        PixelWriter pw = img.getPixelWriter();
        Color bg = Ink.current().background();
        int gapColour = 0xff000000 | ((int) Math.round(bg.getRed() * 255) << 16)
                | ((int) Math.round(bg.getGreen() * 255) << 8) | (int) Math.round(bg.getBlue() * 255);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                pw.setArgb(x, y, gapColour);
            }
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int idx = r * cols + c;
                if (idx < cells.length && cells[idx] != null) {
                    int x = gap + c * (width + gap);
                    int y = gap + r * (height + gap);
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
        double top = (title.isEmpty() ? 0 : 20) + (colLabels.isEmpty() ? 0 : 18);
        int longest = rowLabels.stream().mapToInt(String::length).max().orElse(0);
        double left = rowLabels.isEmpty() ? 4 : Math.max(70, 10 + 6.5 * longest);
        double availW = cw - left - 6;
        double availH = ch - top - 6;
        double scale = Math.min(availW / image.getWidth(), availH / image.getHeight());
        if (scale <= 0) {
            return;
        }
        double gw = image.getWidth() * scale;
        double gh = image.getHeight() * scale;
        double ox = left + Math.max(0, (availW - gw) / 2);
        double oy = top;
        if (!title.isEmpty()) {
            g.setFont(Font.font("System", javafx.scene.text.FontWeight.BOLD, 13));
            g.setFill(Ink.current().text());
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.fillText(title, ox, 2);
        }
        g.setImageSmoothing(false);
        g.drawImage(image, ox, oy, gw, gh);
        double cellW = (width + 1) * scale;
        double cellH = (height + 1) * scale;
        g.setFont(FONT);
        g.setTextBaseline(VPos.BOTTOM);
        g.setTextAlign(TextAlignment.CENTER);
        for (int c = 0; c < cols; c++) {
            double x = ox + scale + c * cellW;
            if (colColors != null && c < colColors.length && colColors[c] != null) {
                g.setFill(colColors[c]);
                g.fillRect(x, oy - 4, cellW - scale, 3);
            }
            if (c < colLabels.size()) {
                g.setFill(c == highlightCol ? Roles.MARKER : Ink.current().muted());
                g.fillText(colLabels.get(c), x + (cellW - scale) / 2, oy - 5);
            }
        }
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(Ink.current().muted());
        for (int r = 0; r < rows && r < rowLabels.size(); r++) {
            g.fillText(rowLabels.get(r), ox - 6, oy + scale + r * cellH + (cellH - scale) / 2);
        }
        if (highlightCol >= 0 && highlightCol < cols) {
            g.setStroke(Roles.MARKER);
            g.setLineWidth(2);
            g.strokeRect(ox + highlightCol * cellW + 0.5 * scale, oy + 0.5 * scale, cellW, gh - scale);
        }
    }
}
