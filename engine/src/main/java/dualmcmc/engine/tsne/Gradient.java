package dualmcmc.engine.tsne;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * The t-SNE gradient (Student-t kernel, one degree of freedom) as scikit-learn's
 * {@code _barnes_hut_tsne.gradient}: attractive forces over the sparse P, repulsive forces and the
 * normalisation Z from a Barnes-Hut quadtree, {@code grad_i = 4 (sum_j p_ij q_ij Z (y_i - y_j)
 * - sum_j (q_ij Z)^2 (y_i - y_j) / Z)}; and the KL divergence estimate
 * {@code sum p_ij log(p_ij / q_ij)} with Z from the tree. All per-point results are written to
 * arrays and reduced in index order, so the result does not depend on the number of threads.
 */
final class Gradient {

    /** scikit-learn's FLOAT32_TINY, the floor in the KL estimate's logarithms. */
    static final double TINY = 1.1754943508222875e-38;

    private final int n;
    private final int[] rowPtr;
    private final int[] cols;
    private final double[] vals;
    private final double theta2;
    private final int chunks;
    final QuadTree tree;
    private final double[] negX;
    private final double[] negY;
    private final double[] qPart;
    private final double[] errPart;

    Gradient(Affinities.Csr p, double theta, int threads) {
        this.n = p.n();
        this.rowPtr = p.rowPtr();
        this.cols = p.cols();
        this.vals = p.vals();
        this.theta2 = theta * theta;
        this.chunks = Math.max(1, Math.min(threads, n / 64));
        this.tree = new QuadTree(n);
        this.negX = new double[n];
        this.negY = new double[n];
        this.qPart = new double[n];
        this.errPart = new double[n];
    }

    /**
     * Writes the gradient of KL(P_exag || Q) at (x, y) to (gx, gy) and returns the KL(P || Q) estimate
     * (with the un-exaggerated P), or NaN when {@code computeError} is false.
     */
    double compute(double[] x, double[] y, double exaggeration, double[] gx, double[] gy, boolean computeError) {
        tree.build(x, y, n);
        parallel(c -> negative(x, y, lo(c), lo(c + 1)));
        double sumQ = 0;
        for (int i = 0; i < n; i++) {
            sumQ += qPart[i];
        }
        final double z = sumQ;
        parallel(c -> positive(x, y, lo(c), lo(c + 1), z, exaggeration, gx, gy, computeError));
        if (!computeError) {
            return Double.NaN;
        }
        double err = 0;
        for (int i = 0; i < n; i++) {
            err += errPart[i];
        }
        return err;
    }

    private int lo(int chunk) {
        return (int) ((long) n * chunk / chunks);
    }

    private interface ChunkTask {
        void run(int chunk);
    }

    private void parallel(ChunkTask task) {
        if (chunks == 1) {
            task.run(0);
            return;
        }
        List<ForkJoinTask<?>> tasks = new ArrayList<>(chunks - 1);
        for (int c = 1; c < chunks; c++) {
            final int chunk = c;
            tasks.add(ForkJoinPool.commonPool().submit(() -> task.run(chunk)));
        }
        task.run(0);
        for (ForkJoinTask<?> t : tasks) {
            t.join();
        }
    }

    private void negative(double[] x, double[] y, int from, int to) {
        final double[] nd = tree.node;
        final int[] skip = tree.skip;
        final int[] order = tree.order;
        final int m = tree.nodes;
        final double th2 = theta2;
        final double eps = QuadTree.EPSILON;
        for (int r = from; r < to; r++) {
            final int i = order[r];
            final double xi = x[i], yi = y[i];
            double fx = 0, fy = 0, q = 0;
            int t = 0;
            while (t < m) {
                int b = t << 2;
                double dx = xi - nd[b], dy = yi - nd[b + 1];
                double d2 = dx * dx + dy * dy;
                int next = skip[t];
                if (next == t + 1) {
                    if (Math.abs(dx) <= eps && Math.abs(dy) <= eps) {
                        t = next; // the point itself (and its duplicates): no self-interaction
                        continue;
                    }
                } else if (!(nd[b + 2] < th2 * d2)) {
                    t++; // open the cell: its first child follows it
                    continue;
                }
                double qz = 1.0 / (1.0 + d2);
                double w = nd[b + 3] * qz;
                q += w;
                w *= qz;
                fx += w * dx;
                fy += w * dy;
                t = next;
            }
            negX[i] = fx;
            negY[i] = fy;
            qPart[i] = q;
        }
    }

    private void positive(double[] x, double[] y, int from, int to, double sumQ, double exaggeration,
                          double[] gx, double[] gy, boolean computeError) {
        final int[] rp = rowPtr, cl = cols;
        final double[] pv = vals;
        // all points on one spot (a degenerate warm start) leave no pair to repel: no repulsion, no NaN
        final double invZ = sumQ > 0 ? 1.0 / sumQ : 0.0;
        for (int i = from; i < to; i++) {
            final double xi = x[i], yi = y[i];
            double fx = 0, fy = 0, err = 0;
            for (int k = rp[i], end = rp[i + 1]; k < end; k++) {
                int j = cl[k];
                double dx = xi - x[j], dy = yi - y[j];
                double qz = 1.0 / (1.0 + dx * dx + dy * dy);
                double p = pv[k];
                double w = p * qz;
                fx += w * dx;
                fy += w * dy;
                if (computeError) {
                    err += p * Math.log(Math.max(p, TINY) / Math.max(qz * invZ, TINY));
                }
            }
            gx[i] = 4.0 * (exaggeration * fx - negX[i] * invZ);
            gy[i] = 4.0 * (exaggeration * fy - negY[i] * invZ);
            errPart[i] = err;
        }
    }

    /** The exact gradient by summing over all pairs, O(N^2): for tests and checks. */
    static void exact(double[] x, double[] y, Affinities.Csr p, double exaggeration, double[] gx, double[] gy) {
        int n = p.n();
        double z = 0;
        double[] nx = new double[n], ny = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    double dx = x[i] - x[j], dy = y[i] - y[j];
                    double qz = 1.0 / (1.0 + dx * dx + dy * dy);
                    z += qz;
                    nx[i] += qz * qz * dx;
                    ny[i] += qz * qz * dy;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            double fx = 0, fy = 0;
            for (int k = p.rowPtr()[i]; k < p.rowPtr()[i + 1]; k++) {
                int j = p.cols()[k];
                double dx = x[i] - x[j], dy = y[i] - y[j];
                double qz = 1.0 / (1.0 + dx * dx + dy * dy);
                fx += p.vals()[k] * qz * dx;
                fy += p.vals()[k] * qz * dy;
            }
            gx[i] = 4.0 * (exaggeration * fx - nx[i] / z);
            gy[i] = 4.0 * (exaggeration * fy - ny[i] / z);
        }
    }

    /** KL(P || Q) with the exact normalisation Z over all pairs, O(N^2). */
    static double exactKl(double[] x, double[] y, Affinities.Csr p) {
        int n = p.n();
        double z = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double dx = x[i] - x[j], dy = y[i] - y[j];
                z += 2.0 / (1.0 + dx * dx + dy * dy);
            }
        }
        double kl = 0;
        for (int i = 0; i < n; i++) {
            for (int k = p.rowPtr()[i]; k < p.rowPtr()[i + 1]; k++) {
                int j = p.cols()[k];
                double dx = x[i] - x[j], dy = y[i] - y[j];
                double q = 1.0 / (1.0 + dx * dx + dy * dy) / z;
                double pij = p.vals()[k];
                if (pij > 0) {
                    kl += pij * Math.log(pij / Math.max(q, TINY));
                }
            }
        }
        return kl;
    }
}
