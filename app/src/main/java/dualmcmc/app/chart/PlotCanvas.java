package dualmcmc.app.chart;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * A square 2-D plot drawn on a canvas: an optional heatmap (viridis, low values dark) with thin
 * contour lines, point clouds, trajectories with start and end marks, and a legend. Plain data in,
 * no engine types: view models hand it arrays.
 */
public final class PlotCanvas extends Region {
    private static final double PAD_LEFT = 44;
    private static final double PAD_BOTTOM = 34;
    private static final double PAD = 10;
    private static final Font TICK = Font.font("System", 11);
    private static final Font LABEL = Font.font("System", FontWeight.NORMAL, 13);
    private static final Font TITLE = Font.font("System", FontWeight.BOLD, 13);

    private final Canvas canvas = new Canvas();
    private double xmin = -1, xmax = 1, ymin = -1, ymax = 1;
    private String xLabel = "x\u2081";
    private String yLabel = "x\u2082";
    private String title = "";
    private WritableImage heat;
    private double[][] heatValues;
    private double[] contourLevels = new double[0];
    /** Per contour level, its segments in data units (x0, y0, x1, y1, ...); null until drawn. */
    private double[][] contours;
    private String heatLabel;
    private final List<Layer> layers = new ArrayList<>();
    private final List<LegendEntry> legend = new ArrayList<>();
    private BiConsumer<Double, Double> onPick;
    private HoverHandler onHover;
    private Runnable onHoverExit;
    private DragHandler onDrag;
    /** Whether the primary button went down on the plot square, so the drag and release belong to it. */
    private boolean dragging;
    private String emptyMessage;

    /** Mouse over the plot: data coordinates (NaN outside the plot square) and canvas pixels. */
    @FunctionalInterface
    public interface HoverHandler {
        void hover(double x, double y, double px, double py);
    }

    /** The primary button pressed on the plot square, dragged (data units, events off the square skipped), released. */
    public interface DragHandler {
        void press(double x, double y);

        void drag(double x, double y);

        void release();
    }

    private sealed interface Layer permits Points, Path, Ellipse, Cross {
    }

    private record Points(double[][] pts, Color color, double radius, double alpha, boolean ring, Mark shape)
            implements Layer {
    }

    private record Path(double[][] pts, Color color, double width, double alpha, boolean marks) implements Layer {
    }

    private record Ellipse(double cx, double cy, double rx, double ry, Color color) implements Layer {
    }

    private record Cross(double x, double y, Color color, double size) implements Layer {
    }

    /**
     * How a point or a legend entry is drawn. Generator and revised samples differ in shape as well
     * as colour (TRIANGLE, SQUARE), so they stay apart for colour-blind viewers and in grey print.
     */
    public enum Mark { DOT, LINE, RING, TRIANGLE, SQUARE }

    private record LegendEntry(String text, Color color, Mark mark) {
    }

    public PlotCanvas() {
        getChildren().add(canvas);
        getStyleClass().add("plot-canvas");
        Ink.follow(this, ink -> redraw());
        Charts.STROKE.follow(this, k -> redraw());
        setMinSize(200, 200);
        setPrefSize(520, 520);
        canvas.setOnMouseClicked(e -> {
            if (onPick != null && e.getButton() == MouseButton.PRIMARY) {
                double[] d = toData(e.getX(), e.getY());
                if (d != null) {
                    onPick.accept(d[0], d[1]);
                }
            }
        });
        canvas.setOnMouseMoved(e -> {
            if (onHover != null) {
                double[] d = toData(e.getX(), e.getY());
                onHover.hover(d == null ? Double.NaN : d[0], d == null ? Double.NaN : d[1], e.getX(), e.getY());
            }
        });
        canvas.setOnMousePressed(e -> {
            double[] d = toData(e.getX(), e.getY());
            dragging = onDrag != null && e.getButton() == MouseButton.PRIMARY && d != null;
            if (dragging) {
                onDrag.press(d[0], d[1]);
            }
        });
        canvas.setOnMouseDragged(e -> {
            double[] d = toData(e.getX(), e.getY());
            if (dragging && d != null) {
                onDrag.drag(d[0], d[1]);
            }
            if (onHover != null) {
                onHover.hover(d == null ? Double.NaN : d[0], d == null ? Double.NaN : d[1], e.getX(), e.getY());
            }
        });
        canvas.setOnMouseReleased(e -> {
            if (dragging) {
                dragging = false;
                onDrag.release();
            }
        });
        canvas.setOnMouseExited(e -> {
            if (onHoverExit != null) {
                onHoverExit.run();
            }
        });
    }

    /** Called as the mouse moves over the plot, and {@code exit} when it leaves. */
    public void setOnHover(HoverHandler hover, Runnable exit) {
        this.onHover = hover;
        this.onHoverExit = exit;
    }

    /** Data units per canvas pixel along x (for hit tests in pixels). */
    public double unitsPerPixel() {
        return (xmax - xmin) / side();
    }

    /** Canvas pixel position of a data point. */
    public double[] toScreen(double x, double y) {
        return new double[]{sx(x), sy(y)};
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

    public void setBounds(double xmin, double xmax, double ymin, double ymax) {
        if (xmin != this.xmin || xmax != this.xmax || ymin != this.ymin || ymax != this.ymax) {
            contours = null;
        }
        this.xmin = xmin;
        this.xmax = xmax;
        this.ymin = ymin;
        this.ymax = ymax;
    }

    public double[] bounds() {
        return new double[]{xmin, xmax, ymin, ymax};
    }

    public void setAxisLabels(String x, String y) {
        this.xLabel = x;
        this.yLabel = y;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public void setEmptyMessage(String msg) {
        this.emptyMessage = msg;
    }

    public void setOnPick(BiConsumer<Double, Double> onPick) {
        this.onPick = onPick;
        canvas.setCursor(onPick == null ? null : javafx.scene.Cursor.CROSSHAIR);
    }

    /** Press, drag and release on the plot, for drawing on it. */
    public void setOnDrag(DragHandler onDrag) {
        this.onDrag = onDrag;
        canvas.setCursor(onDrag == null ? null : javafx.scene.Cursor.CROSSHAIR);
    }

    /**
     * A heatmap over the current bounds: values[j][i] at x = xmin + (i + 0.5) (xmax - xmin) / nx,
     * y = ymin + (j + 0.5) (ymax - ymin) / ny. Coloured between robust low/high percentiles, low = dark.
     */
    public void setHeatmap(double[][] values, String label) {
        this.heatLabel = label;
        // a chain replayed step by step hands over the same landscape on every step: its image and
        // contours are made once, not per frame (and a new image is a new texture to upload)
        if (values != null && values == heatValues) {
            return;
        }
        this.heatValues = values;
        contours = null;
        if (values == null) {
            heat = null;
            contourLevels = new double[0];
            return;
        }
        int ny = values.length;
        int nx = values[0].length;
        double[] all = new double[nx * ny];
        int k = 0;
        for (double[] row : values) {
            for (double v : row) {
                all[k++] = Double.isFinite(v) ? v : Double.NaN;
            }
        }
        double[] finite = Arrays.stream(all).filter(Double::isFinite).sorted().toArray();
        if (finite.length == 0) {
            heat = null;
            return;
        }
        double lo = finite[(int) (0.01 * (finite.length - 1))];
        double hi = finite[(int) (0.97 * (finite.length - 1))];
        if (!(hi > lo)) {
            hi = lo + 1e-9;
        }
        heat = new WritableImage(nx, ny);
        PixelWriter pw = heat.getPixelWriter();
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                double t = (values[j][i] - lo) / (hi - lo);
                pw.setArgb(i, ny - 1 - j, Viridis.argb(t));
            }
        }
        contourLevels = new double[7];
        for (int c = 0; c < contourLevels.length; c++) {
            contourLevels[c] = lo + (hi - lo) * (c + 1) / (contourLevels.length + 1.0);
        }
    }

    public void clearLayers() {
        layers.clear();
        legend.clear();
    }

    public void addPoints(double[][] pts, Color color, double radius, double alpha) {
        addPoints(pts, color, radius, alpha, Mark.DOT);
    }

    /** Points drawn as {@code shape} (DOT, TRIANGLE or SQUARE). */
    public void addPoints(double[][] pts, Color color, double radius, double alpha, Mark shape) {
        layers.add(new Points(pts, color, radius, alpha, false, shape));
    }

    /** Hollow circles (white fill, coloured outline): chain starts. */
    public void addRings(double[][] pts, Color color, double radius) {
        layers.add(new Points(pts, color, radius, 1, true, Mark.RING));
    }

    public void addPath(double[][] pts, Color color, double width, double alpha, boolean marks) {
        layers.add(new Path(pts, color, width, alpha, marks));
    }

    public void addEllipse(double cx, double cy, double rx, double ry, Color color) {
        layers.add(new Ellipse(cx, cy, rx, ry, color));
    }

    public void addCross(double x, double y, Color color, double size) {
        layers.add(new Cross(x, y, color, size));
    }

    public void addLegend(String text, Color color, Mark mark) {
        legend.add(new LegendEntry(text, color, mark));
    }

    /** Number of points in the point layers (for tests). */
    public int pointCount() {
        return layers.stream().filter(l -> l instanceof Points).mapToInt(l -> ((Points) l).pts().length).sum();
    }

    /** Distinct colours of the non-empty point layers (for tests). */
    public java.util.Set<Color> pointColours() {
        java.util.Set<Color> out = new java.util.HashSet<>();
        for (Layer l : layers) {
            if (l instanceof Points p && p.pts().length > 0) {
                out.add(p.color());
            }
        }
        return out;
    }

    /** Number of point/path layers drawn (for tests). */
    public int layerCount() {
        return layers.size();
    }

    private double side() {
        double w = canvas.getWidth() - PAD_LEFT - PAD;
        double h = canvas.getHeight() - PAD_BOTTOM - PAD - (title.isEmpty() ? 0 : 20);
        return Math.max(10, Math.min(w, h));
    }

    private double left() {
        return PAD_LEFT + Math.max(0, (canvas.getWidth() - PAD_LEFT - PAD - side()) / 2);
    }

    private double top() {
        return PAD + (title.isEmpty() ? 0 : 20);
    }

    private double sx(double x) {
        return left() + (x - xmin) / (xmax - xmin) * side();
    }

    private double sy(double y) {
        return top() + (ymax - y) / (ymax - ymin) * side();
    }

    private double[] toData(double px, double py) {
        double s = side();
        double u = (px - left()) / s;
        double v = (py - top()) / s;
        if (u < 0 || u > 1 || v < 0 || v > 1) {
            return null;
        }
        return new double[]{xmin + u * (xmax - xmin), ymax - v * (ymax - ymin)};
    }

    public void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        if (w < 20 || h < 20) {
            return;
        }
        double s = side();
        double l = left();
        double t = top();
        Ink ink = Ink.current();
        if (!title.isEmpty()) {
            g.setFill(ink.text());
            g.setFont(TITLE);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.fillText(title, l, 4);
        }
        g.setFill(heat == null ? ink.empty() : Color.BLACK);
        g.fillRect(l, t, s, s);
        if (heat != null) {
            g.setImageSmoothing(true);
            g.drawImage(heat, l, t, s, s);
            drawContours(g);
        }
        g.save();
        g.beginPath();
        g.rect(l, t, s, s);
        g.clip();
        for (Layer layer : layers) {
            drawLayer(g, layer);
        }
        g.restore();
        g.setStroke(ink.grid());
        g.setLineWidth(1);
        g.strokeRect(l + 0.5, t + 0.5, s - 1, s - 1);
        drawAxes(g, l, t, s);
        drawLegend(g, l, t);
        if (emptyMessage != null && layers.isEmpty()) {
            g.setFill(ink.muted());
            g.setFont(LABEL);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(emptyMessage, l + s / 2, t + s / 2);
        }
    }

    private void drawLayer(GraphicsContext g, Layer layer) {
        // presenter mode draws every mark and line thicker (Charts.STROKE)
        double k = Charts.STROKE.get();
        if (layer instanceof Points p) {
            g.setFill(p.ring() ? Color.WHITE : p.color().deriveColor(0, 1, 1, p.alpha()));
            g.setStroke(p.color());
            g.setLineWidth(1.6 * k);
            double r = p.radius() * k;
            for (double[] q : p.pts()) {
                mark(g, p.shape(), sx(q[0]), sy(q[1]), r);
                if (p.ring()) {
                    g.strokeOval(sx(q[0]) - r, sy(q[1]) - r, 2 * r, 2 * r);
                }
            }
        } else if (layer instanceof Path p) {
            double[][] q = p.pts();
            if (q.length == 0) {
                return;
            }
            g.setStroke(p.color().deriveColor(0, 1, 1, p.alpha()));
            g.setLineWidth(p.width() * k);
            g.setLineCap(StrokeLineCap.ROUND);
            g.beginPath();
            g.moveTo(sx(q[0][0]), sy(q[0][1]));
            for (int i = 1; i < q.length; i++) {
                g.lineTo(sx(q[i][0]), sy(q[i][1]));
            }
            g.stroke();
            if (p.marks()) {
                double r = 4 * k;
                g.setFill(Color.WHITE);
                g.setStroke(p.color());
                g.setLineWidth(1.5 * k);
                g.fillOval(sx(q[0][0]) - r, sy(q[0][1]) - r, 2 * r, 2 * r);
                g.strokeOval(sx(q[0][0]) - r, sy(q[0][1]) - r, 2 * r, 2 * r);
                double[] e = q[q.length - 1];
                g.setFill(p.color());
                g.setStroke(Color.WHITE);
                g.fillOval(sx(e[0]) - r, sy(e[1]) - r, 2 * r, 2 * r);
                g.strokeOval(sx(e[0]) - r, sy(e[1]) - r, 2 * r, 2 * r);
            }
        } else if (layer instanceof Ellipse e) {
            g.setStroke(e.color());
            g.setLineWidth(1.5 * k);
            g.setLineDashes(5, 4);
            double rx = e.rx() / (xmax - xmin) * side();
            double ry = e.ry() / (ymax - ymin) * side();
            g.strokeOval(sx(e.cx()) - rx, sy(e.cy()) - ry, 2 * rx, 2 * ry);
            g.setLineDashes();
        } else if (layer instanceof Cross c) {
            double x = sx(c.x());
            double y = sy(c.y());
            double r = c.size() * k;
            g.setLineCap(StrokeLineCap.ROUND);
            g.setStroke(Color.WHITE);
            g.setLineWidth(4.5 * k);
            g.strokeLine(x - r, y - r, x + r, y + r);
            g.strokeLine(x - r, y + r, x + r, y - r);
            g.setStroke(c.color());
            g.setLineWidth(2.5 * k);
            g.strokeLine(x - r, y - r, x + r, y + r);
            g.strokeLine(x - r, y + r, x + r, y - r);
        }
    }

    /** Fills one mark of radius r centred at (x, y); triangles and squares have the dot's area. */
    private static void mark(GraphicsContext g, Mark shape, double x, double y, double r) {
        switch (shape) {
            case TRIANGLE -> {
                double h = r * 1.55;
                g.fillPolygon(new double[]{x, x + h * 0.866, x - h * 0.866}, new double[]{y - h, y + h / 2, y + h / 2}, 3);
            }
            case SQUARE -> {
                double a = r * 0.886;
                g.fillRect(x - a, y - a, 2 * a, 2 * a);
            }
            default -> g.fillOval(x - r, y - r, 2 * r, 2 * r);
        }
    }

    private void drawContours(GraphicsContext g) {
        if (contours == null) {
            contours = contourSegments();
        }
        g.setStroke(Color.rgb(255, 255, 255, 0.35));
        g.setLineWidth(0.8);
        for (double[] seg : contours) {
            g.beginPath();
            for (int m = 0; m + 3 < seg.length; m += 4) {
                g.moveTo(sx(seg[m]), sy(seg[m + 1]));
                g.lineTo(sx(seg[m + 2]), sy(seg[m + 3]));
            }
            g.stroke();
        }
    }

    /** Marching squares over the heatmap grid: per level, its segments in data units. */
    private double[][] contourSegments() {
        double[][] v = heatValues;
        int ny = v.length;
        int nx = v[0].length;
        double cw = (xmax - xmin) / nx;
        double ch = (ymax - ymin) / ny;
        double[][] out = new double[contourLevels.length][];
        double[] xs = new double[4];
        double[] ys = new double[4];
        for (int l = 0; l < contourLevels.length; l++) {
            double level = contourLevels[l];
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

    private void drawAxes(GraphicsContext g, double l, double t, double s) {
        g.setFill(Ink.current().muted());
        g.setStroke(Ink.current().muted());
        g.setLineWidth(1);
        g.setFont(TICK);
        double[] xt = ticks(xmin, xmax);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double v : xt) {
            double x = sx(v);
            g.strokeLine(x, t + s, x, t + s + 4);
            g.fillText(fmt(v), x, t + s + 5);
        }
        double[] yt = ticks(ymin, ymax);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double v : yt) {
            double y = sy(v);
            g.strokeLine(l - 4, y, l, y);
            g.fillText(fmt(v), l - 6, y);
        }
        g.setFont(LABEL);
        g.setFill(Ink.current().text());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(xLabel, l + s / 2, t + s + PAD_BOTTOM);
        g.save();
        g.translate(12, t + s / 2);
        g.rotate(-90);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(yLabel, 0, 0);
        g.restore();
    }

    private void drawLegend(GraphicsContext g, double l, double t) {
        List<LegendEntry> entries = new ArrayList<>(legend);
        if (heat != null && heatLabel != null) {
            entries.add(new LegendEntry(heatLabel, null, Mark.DOT));
        }
        if (entries.isEmpty()) {
            return;
        }
        g.setFont(TICK);
        double rowH = 17;
        double w = 0;
        for (LegendEntry e : entries) {
            w = Math.max(w, textWidth(e.text()));
        }
        w += 34;
        double h = rowH * entries.size() + 8;
        double x = l + 8;
        double y = t + 8;
        g.setFill(Ink.current().background().deriveColor(0, 1, 1, 0.88));
        g.fillRoundRect(x, y, w, h, 8, 8);
        g.setStroke(Ink.current().grid());
        g.strokeRoundRect(x + 0.5, y + 0.5, w, h, 8, 8);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < entries.size(); i++) {
            LegendEntry e = entries.get(i);
            double cy = y + 4 + rowH * i + rowH / 2;
            if (e.color() == null) {
                for (int k = 0; k < 16; k++) {
                    g.setFill(Viridis.color(k / 15.0));
                    g.fillRect(x + 7 + k, cy - 5, 1.2, 10);
                }
            } else if (e.mark() == Mark.LINE) {
                g.setStroke(e.color());
                g.setLineWidth(2.5);
                g.strokeLine(x + 7, cy, x + 23, cy);
            } else if (e.mark() == Mark.RING) {
                g.setStroke(e.color());
                g.setLineWidth(1.5);
                g.setFill(Color.WHITE);
                g.fillOval(x + 11, cy - 4, 8, 8);
                g.strokeOval(x + 11, cy - 4, 8, 8);
            } else {
                g.setFill(e.color());
                mark(g, e.mark(), x + 15, cy, 4);
            }
            g.setFill(Ink.current().text());
            g.fillText(e.text(), x + 29, cy);
        }
        g.setLineWidth(1);
    }

    private static double textWidth(String s) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(s);
        t.setFont(TICK);
        return t.getLayoutBounds().getWidth();
    }

    static double[] ticks(double lo, double hi) {
        double span = hi - lo;
        double raw = span / 5;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = mag;
        for (double m : new double[]{1, 2, 2.5, 5, 10}) {
            if (m * mag >= raw) {
                step = m * mag;
                break;
            }
        }
        List<Double> out = new ArrayList<>();
        for (double v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) {
            out.add(Math.abs(v) < 1e-12 ? 0 : v);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String fmt(double v) {
        if (v == Math.rint(v)) {
            return Long.toString((long) v);
        }
        String s = String.format(java.util.Locale.ROOT, "%.2f", v);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
