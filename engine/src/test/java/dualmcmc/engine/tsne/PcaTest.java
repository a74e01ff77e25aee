package dualmcmc.engine.tsne;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PcaTest {

    /** Points spread 5 along a unit direction v, 1 along a second direction w, 0.1 noise elsewhere. */
    static double[][] lineData(int n, int d, double[] v, double[] w, long seed) {
        Random rnd = new Random(seed);
        double[][] x = new double[n][d];
        for (double[] r : x) {
            double t = rnd.nextGaussian() * 5, s = rnd.nextGaussian();
            for (int k = 0; k < d; k++) {
                r[k] = 3.0 + t * v[k] + s * w[k] + 0.1 * rnd.nextGaussian();
            }
        }
        return x;
    }

    static double[] unit(double[] a) {
        double s = 0;
        for (double x : a) {
            s += x * x;
        }
        s = Math.sqrt(s);
        double[] u = a.clone();
        for (int i = 0; i < u.length; i++) {
            u[i] /= s;
        }
        return u;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    void recoversDirections(int d) {
        double[] v = new double[d], w = new double[d];
        for (int k = 0; k < d; k++) {
            v[k] = k + 1;
            w[k] = (k % 2 == 0 ? 1 : -1) * (d - k);
        }
        v = unit(v);
        // make w orthogonal to v
        double c = dot(v, w);
        for (int k = 0; k < d; k++) {
            w[k] -= c * v[k];
        }
        w = unit(w);
        double[][] x = lineData(2000, d, v, w, d);
        Pca pca = Pca.fit(x, 2);
        double[][] comp = pca.components();
        assertTrue(Math.abs(dot(comp[0], v)) > 0.999, "first component " + dot(comp[0], v));
        assertTrue(Math.abs(dot(comp[1], w)) > 0.99, "second component " + dot(comp[1], w));
        assertEquals(0.0, dot(comp[0], comp[1]), 1e-9);
        assertEquals(1.0, dot(comp[0], comp[0]), 1e-9);
        assertEquals(25.0, pca.variances()[0], 2.5);
        assertEquals(1.0, pca.variances()[1], 0.15);
        assertEquals(3.0, pca.mean()[0], 0.5);
        double[][] proj = Pca.project(x, 2);
        assertEquals(2, proj[0].length);
        // projections are centred, with the variance of the component, and sklearn's sign rule
        double m = 0, var = 0, maxAbs = 0, atMax = 0;
        for (double[] r : proj) {
            m += r[0];
        }
        m /= proj.length;
        for (double[] r : proj) {
            var += (r[0] - m) * (r[0] - m);
            if (Math.abs(r[0]) > maxAbs) {
                maxAbs = Math.abs(r[0]);
                atMax = r[0];
            }
        }
        assertEquals(0.0, m, 1e-9);
        assertEquals(pca.variances()[0], var / (proj.length - 1), 1e-6 * var);
        assertTrue(atMax > 0, "largest score positive");
    }

    @Test
    void recoversDominantDirectionWithJacobi() {
        recoversDirections(12);
    }

    @Test
    void recoversDominantDirectionWithSubspaceIteration() {
        recoversDirections(Pca.JACOBI_MAX_DIM + 20);
    }

    @Test
    void jacobiDiagonalisesSymmetricMatrix() {
        Random rnd = new Random(1);
        int d = 9;
        double[][] a = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                a[i][j] = a[j][i] = rnd.nextGaussian();
            }
        }
        Pca.Eigen e = Pca.jacobi(a);
        for (int c = 0; c < d; c++) {
            if (c > 0) {
                assertTrue(e.values()[c] <= e.values()[c - 1]);
            }
            for (int i = 0; i < d; i++) {
                double av = 0;
                for (int j = 0; j < d; j++) {
                    av += a[i][j] * e.vectors()[c][j];
                }
                assertEquals(e.values()[c] * e.vectors()[c][i], av, 1e-10);
            }
            for (int c2 = 0; c2 < d; c2++) {
                assertEquals(c == c2 ? 1.0 : 0.0, dot(e.vectors()[c], e.vectors()[c2]), 1e-10);
            }
        }
    }

    @Test
    void rejectsBadDims() {
        double[][] x = {{1, 2}, {3, 4}};
        assertThrows(IllegalArgumentException.class, () -> Pca.project(x, 3));
        assertThrows(IllegalArgumentException.class, () -> Pca.project(x, 0));
        assertThrows(IllegalArgumentException.class, () -> Pca.project(new double[0][], 1));
    }
}
