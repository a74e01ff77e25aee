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
 * <p>The build allocates the children of a cell as a block of four consecutive cells. After the
 * build, the non-empty cells are copied in depth-first pre-order into a compact traversal layout:
 * one 4-double record per node (barycentre x, y, squared max width, point count) and a skip
 * index (the node after its subtree), so a Barnes-Hut walk is a forward scan without a stack:
 * open a node by going to {@code t + 1}, summarise it by jumping to {@code skip[t]}. The points
 * are also listed in that leaf order, so consecutive walks touch nearly the same nodes.
 */
final class QuadTree {

    /** Coordinates closer than this on every axis are duplicates (scikit-learn: 1e-6). */
    static final double EPSILON = 1e-6;
    private static final int MAX_DEPTH = 128;

    // ---- build-time tree: cells in allocation order, children in blocks of four ----
    /** Per cell: [baryX, baryY, squaredMaxWidth, count]. During the build bary holds sums for inner cells. */
    private double[] cell;
    /** Per cell: index of the first of its four children, or -1 for a leaf. */
    private int[] firstChild;
    /** Per cell: centre and half widths. */
    private double[] geo;
    private int[] count;
    /** Per leaf cell: first point of its list (-1 if empty); per point: next point of the same leaf. */
    private int[] leafHead;
    private int[] nextPoint;
    /** Number of cells allocated. */
    int size;

    // ---- traversal layout: non-empty cells in depth-first pre-order ----
    /** Per node: [baryX, baryY, squaredMaxWidth, count]. */
    double[] node;
    /** Per node: the node after its subtree; {@code skip[t] == t + 1} exactly for leaves. */
    int[] skip;
    /** Number of nodes in the traversal layout. */
    int nodes;
    /** The points in leaf (pre-)order: neighbouring indices are close in the plane. */
    int[] order;

    QuadTree(int expectedPoints) {
        int cap = Math.max(16, expectedPoints * 4 + 1);
        cell = new double[cap * 4];
        firstChild = new int[cap];
        geo = new double[cap * 4];
        count = new int[cap];
        leafHead = new int[cap];
        nextPoint = new int[Math.max(expectedPoints, 1)];
        order = new int[Math.max(expectedPoints, 1)];
        node = new double[cap * 4];
        skip = new int[cap];
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
        if (nextPoint.length < n) {
            nextPoint = new int[n];
            order = new int[n];
        }
        for (int i = 0; i < n; i++) {
            insert(x[i], y[i], i);
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
        if (node.length < cell.length) {
            node = new double[cell.length];
            skip = new int[firstChild.length];
        }
        nodes = 0;
        placed = 0;
        layout(0);
    }

    private int placed;

    /** Copies the subtree of cell t in pre-order (children 0..3, empty ones dropped) into node/skip/order. */
    private void layout(int t) {
        int id = nodes++;
        System.arraycopy(cell, t * 4, node, id * 4, 4);
        int f = firstChild[t];
        if (f < 0) {
            for (int p = leafHead[t]; p >= 0; p = nextPoint[p]) {
                order[placed++] = p;
            }
        } else {
            for (int ch = f; ch < f + 4; ch++) {
                if (count[ch] > 0) {
                    layout(ch);
                }
            }
        }
        skip[id] = nodes;
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
        leafHead[t] = -1;
        geo[b] = cx;
        geo[b + 1] = cy;
        geo[b + 2] = hx;
        geo[b + 3] = hy;
    }

    private int childOf(int t, double px, double py) {
        int b = t * 4;
        return firstChild[t] + (px >= geo[b] ? 2 : 0) + (py >= geo[b + 1] ? 1 : 0);
    }

    private void insert(double px, double py, int point) {
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
                leafHead[t] = point;
                nextPoint[point] = -1;
                return;
            }
            double lx = cell[b], ly = cell[b + 1];
            if ((Math.abs(lx - px) <= EPSILON && Math.abs(ly - py) <= EPSILON) || depth >= MAX_DEPTH) {
                count[t]++;
                nextPoint[point] = leafHead[t];
                leafHead[t] = point;
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
        leafHead[c] = leafHead[t];
        leafHead[t] = -1;
        cell[b] = lx * n;
        cell[b + 1] = ly * n;
    }

    private void grow() {
        int cap = firstChild.length * 2;
        cell = Arrays.copyOf(cell, cap * 4);
        geo = Arrays.copyOf(geo, cap * 4);
        firstChild = Arrays.copyOf(firstChild, cap);
        count = Arrays.copyOf(count, cap);
        leafHead = Arrays.copyOf(leafHead, cap);
    }
}
