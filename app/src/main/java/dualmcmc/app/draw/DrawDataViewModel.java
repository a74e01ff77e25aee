package dualmcmc.app.draw;

import dualmcmc.engine.data.DrawnData;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What the user drew, as strokes of points in model units: a brush drag sprays points uniformly in
 * the brush disc, a blob click drops a Gaussian cloud; Undo takes back one stroke. Pure logic (a
 * seeded generator, no controls), so the sampling is tested without a window.
 */
public final class DrawDataViewModel {
    public enum Tool { BRUSH, BLOB }

    /** The toys' square in model units: their points lie within about [-1, 1]. */
    public static final double[] BOUNDS = {-1.3, 1.3, -1.3, 1.3};
    public static final double MIN_RADIUS = 0.03;
    public static final double MAX_RADIUS = 0.4;

    private final SplittableRandom rng;
    private final List<List<float[]>> strokes = new ArrayList<>();
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(this, "count");
    private List<float[]> open;
    private double lastX;
    private double lastY;
    private Tool tool = Tool.BRUSH;
    private double radius = 0.12;
    private int density = 8;
    private int blobPoints = 120;

    public DrawDataViewModel(long seed) {
        this.rng = new SplittableRandom(seed);
    }

    /** The number of points drawn; changes with every dab, stroke, undo and clear. */
    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    public int count() {
        return count.get();
    }

    public Tool tool() {
        return tool;
    }

    public void setTool(Tool tool) {
        this.tool = tool;
    }

    /** The brush's radius; also the blob's spread (its standard deviation is half of it). */
    public double radius() {
        return radius;
    }

    public void setRadius(double r) {
        radius = Math.max(MIN_RADIUS, Math.min(MAX_RADIUS, r));
    }

    /** Points per dab; a drag dabs every half radius, so density is per area, not per mouse event. */
    public int density() {
        return density;
    }

    public void setDensity(int d) {
        density = Math.max(1, d);
    }

    public int blobPoints() {
        return blobPoints;
    }

    public void setBlobPoints(int n) {
        blobPoints = Math.max(1, n);
    }

    /** The mouse went down at (x, y): a brush starts a stroke with a dab, a blob drops its cloud. */
    public void press(double x, double y) {
        open = new ArrayList<>();
        strokes.add(open);
        lastX = x;
        lastY = y;
        if (tool == Tool.BLOB) {
            for (int i = 0; i < blobPoints; i++) {
                add(x + radius / 2 * rng.nextGaussian(), y + radius / 2 * rng.nextGaussian());
            }
            release();
        } else {
            dab(x, y);
        }
        count.set(total());
    }

    /** The mouse moved to (x, y) with the button down: dabs along the way, half a radius apart. */
    public void drag(double x, double y) {
        if (open == null || tool != Tool.BRUSH) {
            return;
        }
        double step = radius / 2;
        double dist = Math.hypot(x - lastX, y - lastY);
        int dabs = (int) (dist / step);
        for (int i = 1; i <= dabs; i++) {
            dab(lastX + (x - lastX) * i * step / dist, lastY + (y - lastY) * i * step / dist);
        }
        if (dabs > 0) {
            lastX += (x - lastX) * dabs * step / dist;
            lastY += (y - lastY) * dabs * step / dist;
        }
        count.set(total());
    }

    /** The stroke ends; one that put no point on the canvas leaves nothing to undo. */
    public void release() {
        if (open != null && open.isEmpty()) {
            strokes.remove(strokes.size() - 1);
        }
        open = null;
    }

    /** Takes back the last stroke; false when there is none. */
    public boolean undo() {
        release();
        if (strokes.isEmpty()) {
            return false;
        }
        strokes.remove(strokes.size() - 1);
        count.set(total());
        return true;
    }

    public void clear() {
        open = null;
        strokes.clear();
        count.set(0);
    }

    public int strokeCount() {
        return strokes.size();
    }

    /** All points, stroke after stroke, as {@code [x, y]} rows. */
    public float[][] points() {
        return strokes.stream().flatMap(List::stream).map(float[]::clone).toArray(float[][]::new);
    }

    /** The points as the canvas draws them. */
    public double[][] plotPoints() {
        return strokes.stream().flatMap(List::stream).map(p -> new double[] {p[0], p[1]}).toArray(double[][]::new);
    }

    /** Why the drawing cannot be trained on yet, or null when it can. */
    public String problem() {
        int n = count();
        if (n < DrawnData.MIN_POINTS) {
            return "Draw at least " + DrawnData.MIN_POINTS + " points to train on (" + n + " so far): drag the brush "
                    + "or drop a blob.";
        }
        return n > DrawnData.MAX_POINTS ? "At most " + DrawnData.MAX_POINTS + " points: undo a few strokes." : null;
    }

    /** Uniform in the brush disc: the square root of a uniform radius spreads points evenly over the area. */
    private void dab(double cx, double cy) {
        for (int i = 0; i < density; i++) {
            double r = radius * Math.sqrt(rng.nextDouble());
            double a = 2 * Math.PI * rng.nextDouble();
            add(cx + r * Math.cos(a), cy + r * Math.sin(a));
        }
    }

    /** Only points on the canvas count: what the user sees is what the models learn. */
    private void add(double x, double y) {
        if (x >= BOUNDS[0] && x <= BOUNDS[1] && y >= BOUNDS[2] && y <= BOUNDS[3]) {
            open.add(new float[] {(float) x, (float) y});
        }
    }

    private int total() {
        return strokes.stream().mapToInt(List::size).sum();
    }
}
