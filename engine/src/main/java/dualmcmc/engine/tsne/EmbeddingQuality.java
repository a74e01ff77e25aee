package dualmcmc.engine.tsne;

/** Label-based quality measures of a map. */
public final class EmbeddingQuality {

    /** Default neighbourhood size of {@link #knnAgreement(double[][], int[])}. */
    public static final int DEFAULT_K = 10;

    private EmbeddingQuality() {
    }

    /** {@link #knnAgreement(double[][], int[], int)} with k = 10. */
    public static double knnAgreement(double[][] embedding, int[] labels) {
        return knnAgreement(embedding, labels, DEFAULT_K);
    }

    /**
     * The fraction of each point's k nearest neighbours in the map (Euclidean, itself excluded,
     * ties broken by index) that share its label, averaged over the points. k is capped at N-1.
     */
    public static double knnAgreement(double[][] embedding, int[] labels, int k) {
        if (embedding == null || labels == null) {
            throw new IllegalArgumentException("embedding and labels are required");
        }
        int n = embedding.length;
        if (labels.length != n) {
            throw new IllegalArgumentException("labels has " + labels.length + " entries, the map " + n + " points");
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        if (n < 2) {
            throw new IllegalArgumentException("knn agreement needs at least 2 points, got " + n);
        }
        int kk = Math.min(k, n - 1);
        double[] flat = Knn.flatten(embedding, "embedding");
        int dim = embedding[0].length;
        Knn.Graph g = n > Knn.VP_TREE_THRESHOLD ? Knn.vpTree(flat, n, dim, kk, 0L) : Knn.bruteForce(flat, n, dim, kk);
        int[] idx = g.idx();
        double total = 0;
        for (int i = 0; i < n; i++) {
            int same = 0;
            for (int t = i * kk; t < i * kk + kk; t++) {
                if (labels[idx[t]] == labels[i]) {
                    same++;
                }
            }
            total += (double) same / kk;
        }
        return total / n;
    }
}
