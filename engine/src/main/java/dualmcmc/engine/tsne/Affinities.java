package dualmcmc.engine.tsne;

import java.util.Arrays;

/**
 * Input-space affinities of t-SNE, as scikit-learn's {@code _binary_search_perplexity} and
 * {@code _joint_probabilities_nn}: a Gaussian conditional distribution over each point's k nearest
 * neighbours whose precision is found by binary search so that its entropy is log(perplexity), then
 * the symmetrised, normalised sparse joint distribution (P + P^T) / sum.
 */
final class Affinities {

    /** Maximum number of binary-search steps per row (scikit-learn: 100). */
    static final int MAX_STEPS = 100;
    /** Tolerance on the entropy, in nats (scikit-learn: 1e-5). */
    static final double ENTROPY_TOLERANCE = 1e-5;

    private Affinities() {
    }

    /** Sparse symmetric matrix in compressed-row form; columns of each row ascending. */
    record Csr(int n, int[] rowPtr, int[] cols, double[] vals) {
        int nnz() {
            return rowPtr[n];
        }
    }

    /**
     * Conditional probabilities p(j|i) over the neighbour lists of {@code g}, row-major n x k, each
     * row summing to 1 with entropy log(perplexity) (within {@link #ENTROPY_TOLERANCE} when reachable).
     *
     * @param betas if not null, receives the precision (1 / (2 sigma^2)) found for each row
     */
    static double[] conditional(Knn.Graph g, double perplexity, double[] betas) {
        int n = g.n(), k = g.k();
        double[] d2 = g.d2();
        double[] p = new double[n * k];
        double desired = Math.log(perplexity);
        for (int i = 0; i < n; i++) {
            int off = i * k;
            double dmin = Double.POSITIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                dmin = Math.min(dmin, d2[off + j]);
            }
            double beta = 1.0;
            double betaMin = Double.NEGATIVE_INFINITY, betaMax = Double.POSITIVE_INFINITY;
            for (int step = 0; step < MAX_STEPS; step++) {
                // shifting by the smallest distance leaves P and the entropy unchanged but avoids underflow
                double sum = 0;
                for (int j = 0; j < k; j++) {
                    double v = Math.exp(-(d2[off + j] - dmin) * beta);
                    p[off + j] = v;
                    sum += v;
                }
                double sumDp = 0;
                double inv = 1.0 / sum;
                for (int j = 0; j < k; j++) {
                    double v = p[off + j] * inv;
                    p[off + j] = v;
                    sumDp += (d2[off + j] - dmin) * v;
                }
                double entropy = Math.log(sum) + beta * sumDp;
                double diff = entropy - desired;
                if (Math.abs(diff) <= ENTROPY_TOLERANCE) {
                    break;
                }
                if (diff > 0) {
                    betaMin = beta;
                    beta = betaMax == Double.POSITIVE_INFINITY ? beta * 2.0 : (beta + betaMax) / 2.0;
                } else {
                    betaMax = beta;
                    beta = betaMin == Double.NEGATIVE_INFINITY ? beta / 2.0 : (beta + betaMin) / 2.0;
                }
            }
            if (betas != null) {
                betas[i] = beta;
            }
        }
        return p;
    }

    /** (P + P^T) / sum(P + P^T) as a sparse matrix; rows of {@code cond} follow {@code g}'s neighbour lists. */
    static Csr symmetrise(Knn.Graph g, double[] cond) {
        int n = g.n(), k = g.k();
        int[] nb = g.idx();
        int[] count = new int[n + 1];
        for (int i = 0; i < n; i++) {
            count[i] += k;
            for (int t = i * k; t < i * k + k; t++) {
                count[nb[t]]++;
            }
        }
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            start[i + 1] = start[i] + count[i];
        }
        int[] tmpCols = new int[start[n]];
        double[] tmpVals = new double[start[n]];
        int[] fill = Arrays.copyOf(start, n);
        for (int i = 0; i < n; i++) {
            for (int t = i * k; t < i * k + k; t++) {
                int j = nb[t];
                double v = cond[t];
                tmpCols[fill[i]] = j;
                tmpVals[fill[i]++] = v;
                tmpCols[fill[j]] = i;
                tmpVals[fill[j]++] = v;
            }
        }
        // merge duplicates row by row with a dense accumulator, columns sorted
        double[] acc = new double[n];
        boolean[] seen = new boolean[n];
        int[] rowPtr = new int[n + 1];
        int[] cols = new int[start[n]];
        double[] vals = new double[start[n]];
        int nnz = 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            int rowStart = nnz;
            for (int t = start[i]; t < start[i + 1]; t++) {
                int j = tmpCols[t];
                if (!seen[j]) {
                    seen[j] = true;
                    cols[nnz++] = j;
                }
                acc[j] += tmpVals[t];
            }
            Arrays.sort(cols, rowStart, nnz);
            for (int t = rowStart; t < nnz; t++) {
                int j = cols[t];
                vals[t] = acc[j];
                total += acc[j];
                acc[j] = 0;
                seen[j] = false;
            }
            rowPtr[i + 1] = nnz;
        }
        double inv = 1.0 / Math.max(total, Math.ulp(1.0));
        for (int t = 0; t < nnz; t++) {
            vals[t] *= inv;
        }
        return new Csr(n, rowPtr, Arrays.copyOf(cols, nnz), Arrays.copyOf(vals, nnz));
    }
}
