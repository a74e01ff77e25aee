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
import java.util.List;
import java.util.function.BiConsumer;

/**
 * A square 2-D plot drawn on a canvas: an optional heatmap (viridis, low values dark) with thin
 * contour lines, point clouds, trajectories with start and end marks, and a legend. Plain data in,
 * no engine types: view models hand it arrays.
 */
public final class PlotCanvas extends CanvasRegion {
    /** The fonts at text scale 1; presenter mode's Charts.TEXT enlarges them and the margins with them. */
    private static final double TICK_PX = 11;
    private static final double LABEL_PX = 13;
    private static final int CONTOUR_LEVELS = 7;

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
        getStyleClass().add("plot-canvas");
        Ink.follow(this, ink -> redraw());
        Charts.STROKE.follow(this, k -> redraw());
        Charts.TEXT.follow(this, k -> redraw());
        setMinSize(200, 200);
        setPrefSize(520, 520);
        canvas.setOnMouseClicked(e -> {
            if (onPick != null && e.getButton() == MouseButton.PRIMARY) {
                double[] d = geometry().toData(e.getX(), e.getY());
                if (d != null) {
                    onPick.accept(d[0], d[1]);
                }
            }
        });
        canvas.setOnMouseMoved(e -> {
            if (onHover != null) {
                double[] d = geometry().toData(e.getX(), e.getY());
                onHover.hover(d == null ? Double.NaN : d[0], d == null ? Double.NaN : d[1], e.getX(), e.getY());
            }
        });
        canvas.setOnMousePressed(e -> {
            double[] d = geometry().toData(e.getX(), e.getY());
            dragging = onDrag != null && e.getButton() == MouseButton.PRIMARY && d != null;
            if (dragging) {
                onDrag.press(d[0], d[1]);
            }
        });
        canvas.setOnMouseDragged(e -> {
            double[] d = geometry().toData(e.getX(), e.getY());
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
        return geometry().unitsPerPixel();
    }

    /** Canvas pixel position of a data point. */
    public double[] toScreen(double x, double y) {
        PlotGeometry geo = geometry();
        return new double[]{geo.sx(x), geo.sy(y)};
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
        double[] range = HeatScale.range(values);
        if (range == null) {
            heat = null;
            return;
        }
        double lo = range[0];
        double hi = range[1];
        int ny = values.length;
        int nx = values[0].length;
        heat = new WritableImage(nx, ny);
        PixelWriter pw = heat.getPixelWriter();
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                double t = (values[j][i] - lo) / (hi - lo);
                pw.setArgb(i, ny - 1 - j, Viridis.argb(t));
            }
        }
        contourLevels = Contours.levels(lo, hi, CONTOUR_LEVELS);
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

    private PlotGeometry geometry() {
        return new PlotGeometry(canvas.getWidth(), canvas.getHeight(), !title.isEmpty(), xmin, xmax, ymin, ymax,
                Charts.TEXT.get());
    }

    @Override
    public void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        if (w < 20 || h < 20) {
            return;
        }
        PlotGeometry geo = geometry();
        double s = geo.side();
        double l = geo.left();
        double t = geo.top();
        Ink ink = Ink.current();
        if (!title.isEmpty()) {
            g.setFill(ink.text());
            g.setFont(titleFont(title, w - l - PlotGeometry.PAD));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.fillText(title, l, 4);
        }
        g.setFill(heat == null ? ink.empty() : Color.BLACK);
        g.fillRect(l, t, s, s);
        if (heat != null) {
            g.setImageSmoothing(true);
            g.drawImage(heat, l, t, s, s);
            drawContours(g, geo);
        }
        g.save();
        g.beginPath();
        g.rect(l, t, s, s);
        g.clip();
        for (Layer layer : layers) {
            drawLayer(g, geo, layer);
        }
        g.restore();
        g.setStroke(ink.grid());
        g.setLineWidth(1);
        g.strokeRect(l + 0.5, t + 0.5, s - 1, s - 1);
        drawAxes(g, geo);
        drawLegend(g, l, t);
        if (emptyMessage != null && layers.isEmpty()) {
            g.setFill(ink.muted());
            g.setFont(Font.font("System", FontWeight.NORMAL, LABEL_PX * Charts.TEXT.get()));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(emptyMessage, l + s / 2, t + s / 2);
        }
    }

    private void drawLayer(GraphicsContext g, PlotGeometry geo, Layer layer) {
        // presenter mode draws every mark and line thicker (Charts.STROKE)
        double k = Charts.STROKE.get();
        if (layer instanceof Points p) {
            g.setFill(p.ring() ? Color.WHITE : p.color().deriveColor(0, 1, 1, p.alpha()));
            g.setStroke(p.color());
            g.setLineWidth(1.6 * k);
            double r = p.radius() * k;
            for (double[] q : p.pts()) {
                mark(g, p.shape(), geo.sx(q[0]), geo.sy(q[1]), r);
                if (p.ring()) {
                    g.strokeOval(geo.sx(q[0]) - r, geo.sy(q[1]) - r, 2 * r, 2 * r);
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
            g.moveTo(geo.sx(q[0][0]), geo.sy(q[0][1]));
            for (int i = 1; i < q.length; i++) {
                g.lineTo(geo.sx(q[i][0]), geo.sy(q[i][1]));
            }
            g.stroke();
            if (p.marks()) {
                double r = 4 * k;
                g.setFill(Color.WHITE);
                g.setStroke(p.color());
                g.setLineWidth(1.5 * k);
                g.fillOval(geo.sx(q[0][0]) - r, geo.sy(q[0][1]) - r, 2 * r, 2 * r);
                g.strokeOval(geo.sx(q[0][0]) - r, geo.sy(q[0][1]) - r, 2 * r, 2 * r);
                double[] e = q[q.length - 1];
                g.setFill(p.color());
                g.setStroke(Color.WHITE);
                g.fillOval(geo.sx(e[0]) - r, geo.sy(e[1]) - r, 2 * r, 2 * r);
                g.strokeOval(geo.sx(e[0]) - r, geo.sy(e[1]) - r, 2 * r, 2 * r);
            }
        } else if (layer instanceof Ellipse e) {
            g.setStroke(e.color());
            g.setLineWidth(1.5 * k);
            g.setLineDashes(5, 4);
            double rx = geo.pixelsX(e.rx());
            double ry = geo.pixelsY(e.ry());
            g.strokeOval(geo.sx(e.cx()) - rx, geo.sy(e.cy()) - ry, 2 * rx, 2 * ry);
            g.setLineDashes();
        } else if (layer instanceof Cross c) {
            double x = geo.sx(c.x());
            double y = geo.sy(c.y());
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

    private void drawContours(GraphicsContext g, PlotGeometry geo) {
        if (contours == null) {
            contours = Contours.segments(heatValues, xmin, xmax, ymin, ymax, contourLevels);
        }
        g.setStroke(Color.rgb(255, 255, 255, 0.35));
        g.setLineWidth(0.8);
        for (double[] seg : contours) {
            g.beginPath();
            for (int m = 0; m + 3 < seg.length; m += 4) {
                g.moveTo(geo.sx(seg[m]), geo.sy(seg[m + 1]));
                g.lineTo(geo.sx(seg[m + 2]), geo.sy(seg[m + 3]));
            }
            g.stroke();
        }
    }

    private void drawAxes(GraphicsContext g, PlotGeometry geo) {
        double l = geo.left();
        double t = geo.top();
        double s = geo.side();
        g.setFill(Ink.current().muted());
        g.setStroke(Ink.current().muted());
        g.setLineWidth(1);
        g.setFont(tickFont());
        double[] xt = AxisTicks.ticks(xmin, xmax);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double v : xt) {
            double x = geo.sx(v);
            g.strokeLine(x, t + s, x, t + s + 4);
            g.fillText(AxisTicks.label(v), x, t + s + 5);
        }
        double[] yt = AxisTicks.ticks(ymin, ymax);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double v : yt) {
            double y = geo.sy(v);
            g.strokeLine(l - 4, y, l, y);
            g.fillText(AxisTicks.label(v), l - 6, y);
        }
        g.setFont(Font.font("System", FontWeight.NORMAL, LABEL_PX * Charts.TEXT.get()));
        g.setFill(Ink.current().text());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(xLabel, l + s / 2, t + s + PlotGeometry.PAD_BOTTOM * Charts.TEXT.get());
        g.save();
        g.translate(12 * Charts.TEXT.get(), t + s / 2);
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
        g.setFont(tickFont());
        double rowH = 17 * Charts.TEXT.get();
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

    /** The title's bold font, smaller (down to the tick size) when the title would not fit in {@code room}. */
    private static Font titleFont(String title, double room) {
        double px = LABEL_PX * Charts.TEXT.get();
        Font f = Font.font("System", FontWeight.BOLD, px);
        javafx.scene.text.Text t = new javafx.scene.text.Text(title);
        t.setFont(f);
        double width = t.getLayoutBounds().getWidth();
        if (width <= room || room <= 0) {
            return f;
        }
        return Font.font("System", FontWeight.BOLD, Math.max(TICK_PX * Charts.TEXT.get(), px * room / width));
    }

    private static Font tickFont() {
        return Font.font("System", TICK_PX * Charts.TEXT.get());
    }

    private static double textWidth(String s) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(s);
        t.setFont(tickFont());
        return t.getLayoutBounds().getWidth();
    }
}
