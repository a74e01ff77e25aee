package dualmcmc.engine.export;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/**
 * A square scatter of 2-D points (model units) over a faint scatter of the data set: the 2-D
 * counterpart of {@link ImageGrid}. Optional layers: each chain's recent path (trail) and, for
 * z-chains, the observation x each g(z) is pulled toward (a cross linked to its point).
 */
record Scatter(Bounds bounds, int side) {
    static final Color DATA = new Color(0xc4c4c4);
    static final Color FRAME = new Color(0xd8d8d8);
    static final Color TARGET = new Color(0x24292f);

    /** What one scatter shows; {@code trail} is [steps][chain][2], oldest first, or null. */
    record Layers(float[][] background, float[][] points, Color color, float[][][] trail, float[][] targets) {
        static Layers of(float[][] background, float[][] points, Color color) {
            return new Layers(background, points, color, null, null);
        }
    }

    Panel panel(Layers layers) {
        return new Panel() {
            @Override
            public int width() {
                return side;
            }

            @Override
            public int height() {
                return side;
            }

            @Override
            public void draw(Graphics2D g, BufferedImage img, int x, int y) {
                Graphics2D c = (Graphics2D) g.create(x, y, side + 1, side + 1);
                try {
                    drawLayers(c, layers);
                } finally {
                    c.dispose();
                }
            }
        };
    }

    /** Dot radius that stays visible in a thumbnail and modest in a large frame. */
    private double radius() {
        return Math.max(1.6, side / 150.0);
    }

    private void drawLayers(Graphics2D g, Layers l) {
        g.setColor(FRAME);
        g.draw(new Rectangle2D.Double(0, 0, side - 1, side - 1));
        g.clip(new Rectangle2D.Double(0, 0, side, side));
        double r = radius();
        g.setColor(DATA);
        for (float[] p : l.background()) {
            g.fill(dot(p, r * 0.6));
        }
        if (l.trail() != null) {
            drawTrails(g, l.trail(), l.color());
        }
        if (l.targets() != null) {
            drawTargets(g, l.targets(), l.points(), r);
        }
        for (float[] p : l.points()) {
            g.setColor(l.color());
            g.fill(dot(p, r));
        }
    }

    private void drawTrails(Graphics2D g, float[][][] trail, Color c) {
        g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 110));
        g.setStroke(new BasicStroke((float) Math.max(1.0, side / 400.0)));
        for (int chain = 0; chain < trail[0].length; chain++) {
            Path2D.Double path = new Path2D.Double();
            for (int t = 0; t < trail.length; t++) {
                float[] p = trail[t][chain];
                if (t == 0) {
                    path.moveTo(bounds.px(p[0], side), bounds.py(p[1], side));
                } else {
                    path.lineTo(bounds.px(p[0], side), bounds.py(p[1], side));
                }
            }
            g.draw(path);
        }
    }

    /** Each observation as a cross, with a faint line to the point that reconstructs it. */
    private void drawTargets(Graphics2D g, float[][] targets, float[][] points, double r) {
        g.setStroke(new BasicStroke(1f));
        for (int i = 0; i < Math.min(targets.length, points.length); i++) {
            double tx = bounds.px(targets[i][0], side);
            double ty = bounds.py(targets[i][1], side);
            g.setColor(new Color(0x7024292f, true));
            g.draw(new Line2D.Double(tx, ty, bounds.px(points[i][0], side), bounds.py(points[i][1], side)));
            g.setColor(TARGET);
            double a = r * 1.3;
            g.draw(new Line2D.Double(tx - a, ty - a, tx + a, ty + a));
            g.draw(new Line2D.Double(tx - a, ty + a, tx + a, ty - a));
        }
    }

    private Shape dot(float[] p, double r) {
        return new Ellipse2D.Double(bounds.px(p[0], side) - r, bounds.py(p[1], side) - r, 2 * r, 2 * r);
    }
}
