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
    private final int[][] stacks;

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
        this.stacks = new int[chunks][1024];
    }

    /**
     * Writes the gradient of KL(P_exag || Q) at (x, y) to (gx, gy) and returns the KL(P || Q) estimate
     * (with the un-exaggerated P), or NaN when {@code computeError} is false.
     */
    double compute(double[] x, double[] y, double exaggeration, double[] gx, double[] gy, boolean computeError) {
        tree.build(x, y, n);
        parallel(c -> negative(x, y, lo(c), lo(c + 1), stacks[c]));
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

    private void negative(double[] x, double[] y, int from, int to, int[] stack) {
        final double[] c = tree.cell;
        final int[] fc = tree.firstChild;
        final double th2 = theta2;
        final double eps = QuadTree.EPSILON;
        for (int i = from; i < to; i++) {
            final double xi = x[i], yi = y[i];
            double fx = 0, fy = 0, q = 0;
            int sp = 0;
            stack[sp++] = 0;
            while (sp > 0) {
                int t = stack[--sp];
                int b = t << 2;
                double cnt = c[b + 3];
                if (cnt == 0) {
                    continue;
                }
                double dx = xi - c[b], dy = yi - c[b + 1];
                double d2 = dx * dx + dy * dy;
                int f = fc[t];
                if (f < 0) {
                    if (Math.abs(dx) <= eps && Math.abs(dy) <= eps) {
                        continue; // the point itself (and its duplicates): no self-interaction
                    }
                } else if (!(c[b + 2] < th2 * d2)) {
                    stack[sp] = f;
                    stack[sp + 1] = f + 1;
                    stack[sp + 2] = f + 2;
                    stack[sp + 3] = f + 3;
                    sp += 4;
                    continue;
                }
                double qz = 1.0 / (1.0 + d2);
                double m = cnt * qz;
                q += m;
                m *= qz;
                fx += m * dx;
                fy += m * dy;
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
        final double invZ = 1.0 / sumQ;
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
