package dualmcmc.engine.tsne;

import java.util.Arrays;

/**
 * A compact 2-D Barnes-Hut quadtree in flat arrays, rebuilt in place every iteration. It follows
 * scikit-learn's {@code _QuadTree} in its maths: the same bounding box, children split at the
 * cell centre (x is the high bit of the child index), duplicate points (closer than
 * {@value #EPSILON} on every axis) merged into one leaf, a leaf's barycentre is its first point,
 * an inner cell's barycentre is the mean of all its points, and a cell summarises when
 * {@code maxWidth^2 / dist^2 < theta^2} or when it is a leaf.
 *
 * <p>Children of a cell are allocated as a block of four consecutive cells; empty children have
 * count 0 and are skipped. Per cell the traversal reads one 4-double record
 * (barycentre x, y, squared max width, point count) and one int (first child, -1 for a leaf).
 */
final class QuadTree {

    /** Coordinates closer than this on every axis are duplicates (scikit-learn: 1e-6). */
    static final double EPSILON = 1e-6;
    private static final int MAX_DEPTH = 128;

    /** Per cell: [baryX, baryY, squaredMaxWidth, count]. During the build bary holds sums for inner cells. */
    double[] cell;
    /** Per cell: index of the first of its four children, or -1 for a leaf. */
    int[] firstChild;
    // build-time geometry: centre and half widths
    private double[] geo;
    private int[] count;
    int size;

    QuadTree(int expectedPoints) {
        int cap = Math.max(16, expectedPoints * 4 + 1);
        cell = new double[cap * 4];
        firstChild = new int[cap];
        geo = new double[cap * 4];
        count = new int[cap];
    }

    /** Rebuilds the tree over points (x[i], y[i]), i &lt; n. */
    void build(double[] x, double[] y, int n) {
        double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double a = x[i], b = y[i];
            if (a < minX) {
                minX = a;
            }
            if (a > maxX) {
                maxX = a;
            }
            if (b < minY) {
                minY = b;
            }
            if (b > maxY) {
                maxY = b;
            }
        }
        // scikit-learn: M = max(M * (1 + 1e-3 * sign(M)), M + 1e-3) so every point is strictly inside
        maxX = Math.max(maxX * (1 + 1e-3 * Math.signum(maxX)), maxX + 1e-3);
        maxY = Math.max(maxY * (1 + 1e-3 * Math.signum(maxY)), maxY + 1e-3);
        size = 1;
        initCell(0, (minX + maxX) / 2, (minY + maxY) / 2, (maxX - minX) / 2, (maxY - minY) / 2);
        for (int i = 0; i < n; i++) {
            insert(x[i], y[i]);
        }
        // inner cells: sums -> barycentres
        double[] c = cell;
        int[] fc = firstChild;
        int[] cnt = count;
        for (int t = 0; t < size; t++) {
            int b = t * 4;
            c[b + 3] = cnt[t];
            if (fc[t] >= 0) {
                c[b] /= cnt[t];
                c[b + 1] /= cnt[t];
            }
        }
    }

    private void initCell(int t, double cx, double cy, double hx, double hy) {
        int b = t * 4;
        cell[b] = 0;
        cell[b + 1] = 0;
        double wx = 2 * hx, wy = 2 * hy;
        cell[b + 2] = Math.max(wx * wx, wy * wy);
        cell[b + 3] = 0;
        firstChild[t] = -1;
        count[t] = 0;
        geo[b] = cx;
        geo[b + 1] = cy;
        geo[b + 2] = hx;
        geo[b + 3] = hy;
    }

    private int childOf(int t, double px, double py) {
        int b = t * 4;
        return firstChild[t] + (px >= geo[b] ? 2 : 0) + (py >= geo[b + 1] ? 1 : 0);
    }

    private void insert(double px, double py) {
        int t = 0;
        for (int depth = 0; ; depth++) {
            int b = t * 4;
            if (firstChild[t] >= 0) {
                cell[b] += px;
                cell[b + 1] += py;
                count[t]++;
                t = childOf(t, px, py);
                continue;
            }
            if (count[t] == 0) {
                cell[b] = px;
                cell[b + 1] = py;
                count[t] = 1;
                return;
            }
            double lx = cell[b], ly = cell[b + 1];
            if ((Math.abs(lx - px) <= EPSILON && Math.abs(ly - py) <= EPSILON) || depth >= MAX_DEPTH) {
                count[t]++;
                return;
            }
            split(t, lx, ly);
        }
    }

    /** Turns leaf t (holding count[t] copies of point (lx, ly)) into an inner cell with four children. */
    private void split(int t, double lx, double ly) {
        if (size + 4 > firstChild.length) {
            grow();
        }
        int first = size;
        size += 4;
        int b = t * 4;
        double cx = geo[b], cy = geo[b + 1], hx = geo[b + 2] / 2, hy = geo[b + 3] / 2;
        initCell(first, cx - hx, cy - hy, hx, hy);
        initCell(first + 1, cx - hx, cy + hy, hx, hy);
        initCell(first + 2, cx + hx, cy - hy, hx, hy);
        initCell(first + 3, cx + hx, cy + hy, hx, hy);
        firstChild[t] = first;
        int c = childOf(t, lx, ly);
        int n = count[t];
        cell[c * 4] = lx;
        cell[c * 4 + 1] = ly;
        count[c] = n;
        cell[b] = lx * n;
        cell[b + 1] = ly * n;
    }

    private void grow() {
        int cap = firstChild.length * 2;
        cell = Arrays.copyOf(cell, cap * 4);
        geo = Arrays.copyOf(geo, cap * 4);
        firstChild = Arrays.copyOf(firstChild, cap);
        count = Arrays.copyOf(count, cap);
    }
}
