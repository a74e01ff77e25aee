package dualmcmc.app.stages;

import dualmcmc.app.chart.PlotCanvas;
import dualmcmc.app.chart.PlotCanvas.Mark;
import dualmcmc.app.chart.Roles;
import dualmcmc.engine.session.DataInfo;
import dualmcmc.engine.session.StagedIteration;
import javafx.scene.paint.Color;

/**
 * Draws what a stage changes on 2-D data: the left plot is the stage (for an update: the models
 * before it), the right plot is an update's result. One Adam step moves points by a hair, so the
 * right plot draws the moves magnified by a power of ten, and says by how much; the EBM's right
 * plot is the change of the energy itself.
 */
final class StagePainter {
    /** Segments drawn per plot: enough to see the pattern, few enough to read. */
    private static final int MAX_SEGMENTS = 48;
    private static final Color DATA_ON_HEAT = Color.web("#dfe3e8");
    private static final Color BATCH = Color.web("#4a5058");
    private static final String ENERGY = "energy E(x), low = dark";

    private final PlotCanvas left;
    private final PlotCanvas right;

    StagePainter(PlotCanvas left, PlotCanvas right) {
        this.left = left;
        this.right = right;
    }

    /** Paints {@code s}; returns whether the right plot is part of it. */
    boolean paint(IterationStage s, StagedIteration it, DataInfo info) {
        StagedIteration.Points p = it.points();
        double[][] heat = it.landscape() == null ? null : it.landscape().before();
        boolean off = it.skipped() == s.kind() && s.isUpdate();
        switch (s) {
            case DRAW -> {
                base(left, "x\u2080 = g(z) for a batch of z ~ N(0, I)", null, info);
                points(left, p.generated(), Roles.GENERATOR, 3.2, Mark.TRIANGLE, "x\u2080 = g(z)");
            }
            case INFER -> {
                base(left, "the data batch x and the decodings g(z\u2080) of q's guesses", null, info);
                moves(left, p.x(), p.inferredDecoded(), Roles.INFERENCE, 1);
                points(left, p.x(), BATCH, 2.4, Mark.DOT, "data batch x");
                points(left, p.inferredDecoded(), Roles.INFERENCE, 3.0, Mark.SQUARE, "g(z\u2080), z\u2080 ~ q(z|x)");
            }
            case Z_REVISION -> {
                base(left, "z-revision: g(z\u2080) \u2192 g(z_rev), toward their x", null, info);
                points(left, p.x(), BATCH, 2.4, Mark.DOT, "data batch x");
                moves(left, p.inferredDecoded(), p.revisedDecoded(), Roles.REVISED, 1);
                rings(left, p.inferredDecoded(), Roles.INFERENCE, "g(z\u2080)");
                points(left, p.revisedDecoded(), Roles.REVISED, 3.0, Mark.DOT, "g(z_rev)");
            }
            case X_REVISION -> {
                base(left, "x-revision on the energy: x\u2080 \u2192 x_rev", heat, info);
                moves(left, p.generated(), p.revisedSamples(), Roles.REVISED.brighter(), 1);
                rings(left, p.generated(), Roles.GENERATOR, "x\u2080 = g(z)");
                points(left, p.revisedSamples(), Roles.REVISED.brighter(), 3.0, Mark.DOT, "x_rev");
            }
            case UPDATE_GENERATOR -> {
                base(left, "before: g(z) and its targets x_rev", null, info);
                points(left, p.revisedSamples(), Roles.REVISED, 2.2, Mark.DOT, "x_rev");
                points(left, p.generated(), Roles.GENERATOR, 3.2, Mark.TRIANGLE, "g(z)");
                int k = magnification(p.generated(), p.generatedAfter(), info.bounds());
                base(right, after(off, "g\u2032(z)", k), null, info);
                points(right, p.revisedSamples(), Roles.REVISED, 2.2, Mark.DOT, "x_rev");
                moves(right, p.generated(), p.generatedAfter(), Roles.GENERATOR, k);
                points(right, p.generatedAfter(), Roles.GENERATOR, 3.2, Mark.TRIANGLE, moveLegend("g\u2032(z)", k));
            }
            case UPDATE_INFERENCE -> {
                base(left, "before: decodings g(\u03bc(x))", null, info);
                moves(left, p.x(), p.meanDecodedBefore(), Roles.INFERENCE, 1);
                points(left, p.x(), BATCH, 2.4, Mark.DOT, "data batch x");
                points(left, p.meanDecodedBefore(), Roles.INFERENCE, 3.0, Mark.SQUARE, "g(\u03bc(x))");
                int k = magnification(p.meanDecodedBefore(), p.meanDecodedAfter(), info.bounds());
                base(right, after(off, "g(\u03bc\u2032(x))", k), null, info);
                points(right, p.x(), BATCH, 2.4, Mark.DOT, "data batch x");
                moves(right, p.meanDecodedBefore(), p.meanDecodedAfter(), Roles.INFERENCE, k);
                points(right, p.meanDecodedAfter(), Roles.INFERENCE, 3.0, Mark.SQUARE,
                        moveLegend("g(\u03bc\u2032(x))", k));
            }
            case UPDATE_EBM -> {
                base(left, "before: E(x), data x and samples x\u0303", heat, info);
                rings(left, p.x(), BATCH, "data batch x (pushed down)");
                points(left, p.contrasted(), Roles.REVISED.brighter(), 3.0, Mark.DOT, "samples x\u0303 (pushed up)");
                base(right, off ? "switched off: E is unchanged" : "change E\u2032(x) \u2212 E(x), lowered = dark",
                        null, info);
                right.setHeatmap(change(it.landscape()), "E\u2032 \u2212 E, low = dark");
                rings(right, p.x(), BATCH, "data batch x");
                points(right, p.contrasted(), Roles.REVISED.brighter(), 3.0, Mark.DOT, "samples x\u0303");
            }
        }
        left.redraw();
        right.redraw();
        return s.isUpdate();
    }

    private static String after(boolean off, String what, int k) {
        if (off) {
            return "switched off: " + what + " is unchanged";
        }
        return k == 1 ? "after: " + what : "after: " + what + ", moves drawn \u00d7" + k;
    }

    private static String moveLegend(String what, int k) {
        return k == 1 ? what : what + " (move \u00d7" + k + ")";
    }

    private static void base(PlotCanvas plot, String title, double[][] heat, DataInfo info) {
        plot.setBounds(info.bounds()[0], info.bounds()[1], info.bounds()[2], info.bounds()[3]);
        plot.setHeatmap(heat, heat == null ? null : ENERGY);
        plot.clearLayers();
        plot.setTitle(title);
        plot.setEmptyMessage(null);
        plot.addPoints(info.points(), heat == null ? Roles.DATA : DATA_ON_HEAT, 1.3, heat == null ? 0.22 : 0.35);
        plot.addLegend("data", Roles.DATA, Mark.DOT);
    }

    private static void points(PlotCanvas plot, float[][] rows, Color c, double r, Mark mark, String legend) {
        if (rows == null) {
            return;
        }
        plot.addPoints(xy(rows), c, r, 0.95, mark);
        plot.addLegend(legend, c, mark);
    }

    private static void rings(PlotCanvas plot, float[][] rows, Color c, String legend) {
        if (rows == null) {
            return;
        }
        plot.addRings(xy(rows), c, 3.2);
        plot.addLegend(legend, c, Mark.RING);
    }

    /** Segments from each row of {@code from} toward its row of {@code to}, {@code k} times as long. */
    private static void moves(PlotCanvas plot, float[][] from, float[][] to, Color c, int k) {
        if (from == null || to == null) {
            return;
        }
        for (int i = 0; i < Math.min(MAX_SEGMENTS, from.length); i++) {
            double[] a = {from[i][0], from[i][1]};
            double[] b = {a[0] + k * (to[i][0] - a[0]), a[1] + k * (to[i][1] - a[1])};
            plot.addPath(new double[][]{a, b}, c, 1.0, 0.55, false);
        }
    }

    /**
     * 1, 10, 100, ...: the least power of ten that makes the median move at least 2% of the
     * plot's width (capped at 10^4), so that a one-step change has a visible direction.
     */
    static int magnification(float[][] from, float[][] to, double[] bounds) {
        if (from == null || to == null || from.length == 0) {
            return 1;
        }
        double[] d = new double[from.length];
        for (int i = 0; i < from.length; i++) {
            d[i] = Math.hypot(to[i][0] - from[i][0], to[i][1] - from[i][1]);
        }
        java.util.Arrays.sort(d);
        double median = d[d.length / 2];
        double wanted = 0.02 * (bounds[1] - bounds[0]);
        int k = 1;
        while (median > 0 && median * k < wanted && k < 10_000) {
            k *= 10;
        }
        return k;
    }

    private static double[][] change(StagedIteration.Landscape l) {
        if (l == null) {
            return null;
        }
        double[][] out = new double[l.after().length][];
        for (int j = 0; j < out.length; j++) {
            out[j] = new double[l.after()[j].length];
            for (int i = 0; i < out[j].length; i++) {
                out[j][i] = l.after()[j][i] - l.before()[j][i];
            }
        }
        return out;
    }

    private static double[][] xy(float[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = new double[]{rows[i][0], rows[i][1]};
        }
        return out;
    }
}
