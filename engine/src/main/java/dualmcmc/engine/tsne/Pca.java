package dualmcmc.engine.tsne;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Principal component analysis through the eigen-decomposition of the covariance matrix: a cyclic
 * Jacobi solver for up to {@value #JACOBI_MAX_DIM} dimensions, orthogonal (subspace) iteration with
 * Rayleigh-Ritz beyond. Signs follow scikit-learn's {@code svd_flip}: in each component, the projected
 * score of largest magnitude is positive, so the result is deterministic.
 */
public final class Pca {

    /** Largest input dimension handled by a full Jacobi eigen-decomposition. */
    static final int JACOBI_MAX_DIM = 100;

    private final double[] mean;
    private final double[][] components;
    private final double[] variances;

    private Pca(double[] mean, double[][] components, double[] variances) {
        this.mean = mean;
        this.components = components;
        this.variances = variances;
    }

    /** Projects the centred data on its first {@code dims} principal components: an N x dims array. */
    public static double[][] project(double[][] data, int dims) {
        return fit(data, dims).transform(data);
    }

    /**
     * Fits the first {@code dims} principal components of {@code data} (N x D, N &gt;= 1,
     * 1 &lt;= dims &lt;= D), with the sign convention applied on {@code data}'s own scores.
     */
    public static Pca fit(double[][] data, int dims) {
        double[] x = Knn.flatten(data, "data");
        int n = data.length, d = data[0].length;
        if (dims < 1 || dims > d) {
            throw new IllegalArgumentException("PCA dims must be in [1, " + d + "], got " + dims);
        }
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < d; t++) {
                mean[t] += x[i * d + t];
            }
        }
        for (int t = 0; t < d; t++) {
            mean[t] /= n;
        }
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < d; t++) {
                x[i * d + t] -= mean[t];
            }
        }
        double[][] cov = covariance(x, n, d);
        double[] values;
        double[][] vectors; // vectors[c] = c-th eigenvector, length d
        if (d <= JACOBI_MAX_DIM) {
            Eigen e = jacobi(cov);
            values = Arrays.copyOf(e.values, dims);
            vectors = new double[dims][];
            for (int c = 0; c < dims; c++) {
                vectors[c] = e.vectors[c];
            }
        } else {
            Eigen e = subspace(cov, dims);
            values = e.values;
            vectors = e.vectors;
        }
        // sign convention: the largest |score| of each component is positive (sklearn's svd_flip)
        for (int c = 0; c < dims; c++) {
            double best = -1, sign = 1;
            double[] v = vectors[c];
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int t = 0; t < d; t++) {
                    s += x[i * d + t] * v[t];
                }
                if (Math.abs(s) > best) {
                    best = Math.abs(s);
                    sign = s < 0 ? -1 : 1;
                }
            }
            if (sign < 0) {
                for (int t = 0; t < d; t++) {
                    v[t] = -v[t];
                }
            }
        }
        for (int c = 0; c < dims; c++) {
            values[c] = Math.max(values[c], 0.0);
        }
        return new Pca(mean, vectors, values);
    }

    /** Projects rows of {@code data} (same dimension as the fit) on the components. */
    public double[][] transform(double[][] data) {
        int d = mean.length;
        double[][] out = new double[data.length][components.length];
        for (int i = 0; i < data.length; i++) {
            if (data[i].length != d) {
                throw new IllegalArgumentException("row " + i + " has " + data[i].length + " values, expected " + d);
            }
            for (int c = 0; c < components.length; c++) {
                double[] v = components[c];
                double s = 0;
                for (int t = 0; t < d; t++) {
                    s += (data[i][t] - mean[t]) * v[t];
                }
                out[i][c] = s;
            }
        }
        return out;
    }

    /** Column means of the fitted data. */
    public double[] mean() {
        return mean.clone();
    }

    /** Unit principal directions, largest variance first: dims x D. */
    public double[][] components() {
        double[][] c = new double[components.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = components[i].clone();
        }
        return c;
    }

    /** Variances (covariance eigenvalues, divisor N-1) along the components. */
    public double[] variances() {
        return variances.clone();
    }

    private static double[][] covariance(double[] x, int n, int d) {
        double[][] cov = new double[d][d];
        for (int i = 0; i < n; i++) {
            int o = i * d;
            for (int a = 0; a < d; a++) {
                double xa = x[o + a];
                if (xa == 0) {
                    continue;
                }
                double[] row = cov[a];
                for (int b = a; b < d; b++) {
                    row[b] += xa * x[o + b];
                }
            }
        }
        double div = Math.max(n - 1, 1);
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                cov[a][b] /= div;
                cov[b][a] = cov[a][b];
            }
        }
        return cov;
    }

    /** Eigenpairs sorted by decreasing eigenvalue; {@code vectors[c]} is the c-th unit eigenvector. */
    record Eigen(double[] values, double[][] vectors) {
    }

    /** Cyclic Jacobi eigen-decomposition of a symmetric matrix (not modified). */
    static Eigen jacobi(double[][] sym) {
        int d = sym.length;
        double[][] a = new double[d][];
        for (int i = 0; i < d; i++) {
            a[i] = sym[i].clone();
        }
        double[][] v = new double[d][d];
        for (int i = 0; i < d; i++) {
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0, diag = 0;
            for (int p = 0; p < d; p++) {
                diag += a[p][p] * a[p][p];
                for (int q = p + 1; q < d; q++) {
                    off += a[p][q] * a[p][q];
                }
            }
            if (off <= 1e-30 * diag || off == 0) {
                break;
            }
            for (int p = 0; p < d - 1; p++) {
                for (int q = p + 1; q < d; q++) {
                    double apq = a[p][q];
                    if (apq == 0) {
                        continue;
                    }
                    double app = a[p][p], aqq = a[q][q];
                    double theta = (aqq - app) / (2 * apq);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1), s = t * c;
                    for (int r = 0; r < d; r++) {
                        double arp = a[r][p], arq = a[r][q];
                        a[r][p] = c * arp - s * arq;
                        a[r][q] = s * arp + c * arq;
                    }
                    for (int r = 0; r < d; r++) {
                        double apr = a[p][r], aqr = a[q][r];
                        a[p][r] = c * apr - s * aqr;
                        a[q][r] = s * apr + c * aqr;
                    }
                    a[p][q] = 0;
                    a[q][p] = 0;
                    for (int r = 0; r < d; r++) {
                        double vrp = v[r][p], vrq = v[r][q];
                        v[r][p] = c * vrp - s * vrq;
                        v[r][q] = s * vrp + c * vrq;
                    }
                }
            }
        }
        Integer[] order = new Integer[d];
        for (int i = 0; i < d; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (i, j) -> Double.compare(a[j][j], a[i][i]));
        double[] values = new double[d];
        double[][] vectors = new double[d][d];
        for (int c = 0; c < d; c++) {
            int src = order[c];
            values[c] = a[src][src];
            for (int r = 0; r < d; r++) {
                vectors[c][r] = v[r][src];
            }
        }
        return new Eigen(values, vectors);
    }

    /** Leading {@code dims} eigenpairs of a symmetric positive semi-definite matrix by subspace iteration. */
    static Eigen subspace(double[][] cov, int dims) {
        int d = cov.length;
        int m = Math.min(d, dims + 10);
        SplittableRandom rnd = new SplittableRandom(0x5EEDL);
        double[][] q = new double[m][d];
        for (double[] col : q) {
            for (int t = 0; t < d; t++) {
                col[t] = rnd.nextDouble() - 0.5;
            }
        }
        orthonormalise(q);
        double[][] z = new double[m][d];
        Eigen ritz = null;
        for (int iter = 1; iter <= 500; iter++) {
            multiply(cov, q, z);
            double[][] swap = q;
            q = z;
            z = swap;
            orthonormalise(q);
            if (iter % 10 == 0 || iter == 500) {
                ritz = rayleighRitz(cov, q, z, dims);
                if (converged(cov, ritz, z)) {
                    break;
                }
            }
        }
        return ritz;
    }

    private static void multiply(double[][] a, double[][] cols, double[][] out) {
        int d = a.length;
        for (int c = 0; c < cols.length; c++) {
            double[] in = cols[c], o = out[c];
            for (int r = 0; r < d; r++) {
                double[] row = a[r];
                double s = 0;
                for (int t = 0; t < d; t++) {
                    s += row[t] * in[t];
                }
                o[r] = s;
            }
        }
    }

    private static void orthonormalise(double[][] cols) {
        int replacement = 0;
        for (int c = 0; c < cols.length; c++) {
            double[] v = cols[c];
            for (int pass = 0; pass < 2; pass++) {
                for (int p = 0; p < c; p++) {
                    double[] u = cols[p];
                    double dot = 0;
                    for (int t = 0; t < v.length; t++) {
                        dot += u[t] * v[t];
                    }
                    for (int t = 0; t < v.length; t++) {
                        v[t] -= dot * u[t];
                    }
                }
            }
            double norm = 0;
            for (double x : v) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            if (norm < 1e-300) {
                // rank-deficient: replace by a unit vector orthogonal to the previous ones
                Arrays.fill(v, 0);
                v[replacement++ % v.length] = 1;
                c--;
                continue;
            }
            for (int t = 0; t < v.length; t++) {
                v[t] /= norm;
            }
        }
    }

    private static Eigen rayleighRitz(double[][] cov, double[][] q, double[][] scratch, int dims) {
        int m = q.length, d = cov.length;
        multiply(cov, q, scratch);
        double[][] t = new double[m][m];
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                double s = 0;
                for (int r = 0; r < d; r++) {
                    s += q[a][r] * scratch[b][r];
                }
                t[a][b] = s;
            }
        }
        for (int a = 0; a < m; a++) {
            for (int b = a + 1; b < m; b++) {
                double s = 0.5 * (t[a][b] + t[b][a]);
                t[a][b] = s;
                t[b][a] = s;
            }
        }
        Eigen small = jacobi(t);
        double[] values = Arrays.copyOf(small.values, dims);
        double[][] vectors = new double[dims][d];
        for (int c = 0; c < dims; c++) {
            for (int a = 0; a < m; a++) {
                double w = small.vectors[c][a];
                for (int r = 0; r < d; r++) {
                    vectors[c][r] += w * q[a][r];
                }
            }
        }
        return new Eigen(values, vectors);
    }

    private static boolean converged(double[][] cov, Eigen e, double[][] scratch) {
        double scale = Math.max(Math.abs(e.values[0]), 1e-300);
        multiply(cov, e.vectors, scratch);
        for (int c = 0; c < e.vectors.length; c++) {
            double res = 0;
            for (int r = 0; r < cov.length; r++) {
                double diff = scratch[c][r] - e.values[c] * e.vectors[c][r];
                res += diff * diff;
            }
            if (Math.sqrt(res) > 1e-10 * scale) {
                return false;
            }
        }
        return true;
    }
}
