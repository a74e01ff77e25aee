package dualmcmc.engine.tsne;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Barnes-Hut t-SNE into two dimensions, on plain double arrays, following scikit-learn 1.2's
 * {@code TSNE(method="barnes_hut", init="pca", learning_rate="auto")} in its maths:
 * <ul>
 *   <li>P: k = min(N-1, floor(3 perplexity + 1)) exact nearest neighbours (brute force, or a
 *       vantage-point tree for large N), Gaussian conditionals calibrated by binary search on the
 *       entropy, symmetrised sparse (P + P^T) / sum;</li>
 *   <li>initialisation: the first two principal components scaled so that the first has standard
 *       deviation 1e-4;</li>
 *   <li>gradient descent with momentum 0.5 and P exaggerated 12 times for the first 250
 *       iterations, then momentum 0.8; per-coordinate gains (+0.2 when the update and gradient
 *       disagree in sign, *0.8 otherwise, at least 0.01); the optimiser's update and gains restart
 *       at the switch as in scikit-learn's two {@code _gradient_descent} calls; learning rate
 *       max(N / 12 / 4, 50);</li>
 *   <li>Barnes-Hut repulsion on a quadtree with angle theta (0.5).</li>
 * </ul>
 * Not carried over: scikit-learn's early stops (no progress for 300 iterations, gradient norm
 * &lt; 1e-7); every run performs exactly the iterations asked for.
 *
 * <p>Use: {@code prepare} computes P once; {@link #step(int)} runs more iterations and returns a
 * snapshot, so a UI can animate the map. Instances are not thread-safe.
 */
public final class BarnesHutTsne {

    private static final double MIN_GAIN = 0.01;

    private final TsneConfig config;
    private final int n;
    private final int dim;
    private final int neighbours;
    private final Affinities.Csr p;
    private final Gradient gradient;
    private final double learningRate;
    private final int exaggerationEnd;
    private final double[] x;
    private final double[] y;
    private final double[] gx;
    private final double[] gy;
    private final double[] update;
    private final double[] gains;
    private int iteration;
    private double kl = Double.NaN;

    private BarnesHutTsne(TsneConfig config, int n, int dim, int neighbours, Affinities.Csr p,
                          double[][] init, boolean warm) {
        this.config = config;
        this.n = n;
        this.dim = dim;
        this.neighbours = neighbours;
        this.p = p;
        this.gradient = new Gradient(p, config.theta(), config.threads());
        this.learningRate = config.learningRateFor(n);
        this.exaggerationEnd = warm ? 0 : config.exaggerationIterations();
        this.x = new double[n];
        this.y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = init[i][0];
            y[i] = init[i][1];
        }
        this.gx = new double[n];
        this.gy = new double[n];
        this.update = new double[2 * n];
        this.gains = new double[2 * n];
        Arrays.fill(gains, 1.0);
    }

    /** Computes P for {@code data} (N x D, N &gt;= 2) and a PCA initial map; no iteration is run. */
    public static BarnesHutTsne prepare(double[][] data, TsneConfig config) {
        return prepare(data, config, null);
    }

    /**
     * As {@link #prepare(double[][], TsneConfig)}, but starting from {@code initialEmbedding}
     * (N x 2, e.g. a previous map) when it is not null. A warm start skips the early-exaggeration
     * phase (momentum 0.8 from the first iteration) so the map does not jump.
     */
    public static BarnesHutTsne prepare(double[][] data, TsneConfig config, double[][] initialEmbedding) {
        if (config == null) {
            throw new IllegalArgumentException("config is null");
        }
        double[] flat = Knn.flatten(data, "data");
        int n = data.length, dim = data[0].length;
        if (n < 2) {
            throw new IllegalArgumentException("t-SNE needs at least 2 points, got " + n);
        }
        if (!(config.perplexity() < n)) {
            throw new IllegalArgumentException("perplexity must be < the number of points (" + n + "), got "
                    + config.perplexity());
        }
        double[][] init;
        if (initialEmbedding != null) {
            if (initialEmbedding.length != n) {
                throw new IllegalArgumentException("initial embedding has " + initialEmbedding.length
                        + " rows, expected " + n);
            }
            for (int i = 0; i < n; i++) {
                if (initialEmbedding[i] == null || initialEmbedding[i].length != 2) {
                    throw new IllegalArgumentException("initial embedding row " + i + " must have 2 values");
                }
                if (!Double.isFinite(initialEmbedding[i][0]) || !Double.isFinite(initialEmbedding[i][1])) {
                    throw new IllegalArgumentException("initial embedding row " + i + " is not finite");
                }
            }
            init = initialEmbedding;
        } else {
            init = pcaInit(data, config.seed());
        }
        int k = config.neighboursFor(n);
        Knn.Graph graph = Knn.search(flat, n, dim, k, config.seed());
        double[] cond = Affinities.conditional(graph, config.perplexity(), null);
        Affinities.Csr p = Affinities.symmetrise(graph, cond);
        return new BarnesHutTsne(config, n, dim, k, p, init, initialEmbedding != null);
    }

    /**
     * scikit-learn's {@code init="pca"}: the first two principal components divided by the standard
     * deviation of the first and multiplied by 1e-4. Degenerate data (fewer than 2 dimensions or no
     * spread) falls back to seeded Gaussian noise of standard deviation 1e-4 on the missing axes.
     */
    static double[][] pcaInit(double[][] data, long seed) {
        int n = data.length, d = data[0].length;
        double[][] init = new double[n][2];
        int dims = Math.min(2, d);
        double[][] proj = Pca.project(data, dims);
        double mean = 0;
        for (double[] r : proj) {
            mean += r[0];
        }
        mean /= n;
        double var = 0;
        for (double[] r : proj) {
            var += (r[0] - mean) * (r[0] - mean);
        }
        double std = Math.sqrt(var / n);
        SplittableRandom rnd = new SplittableRandom(seed);
        if (!(std > 0)) {
            for (double[] r : init) {
                r[0] = 1e-4 * gaussian(rnd);
                r[1] = 1e-4 * gaussian(rnd);
            }
            return init;
        }
        double scale = 1e-4 / std;
        for (int i = 0; i < n; i++) {
            init[i][0] = proj[i][0] * scale;
            init[i][1] = dims > 1 ? proj[i][1] * scale : 1e-4 * gaussian(rnd);
        }
        return init;
    }

    private static double gaussian(SplittableRandom rnd) {
        // Box-Muller, deterministic for a given generator state
        double u = rnd.nextDouble(), v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
    }

    /** Runs {@code iterations} more iterations (0 just evaluates the current KL) and returns a snapshot. */
    public TsneState step(int iterations) {
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0, got " + iterations);
        }
        if (iterations == 0) {
            kl = gradient.compute(x, y, 1.0, gx, gy, true);
            return state();
        }
        for (int s = 0; s < iterations; s++) {
            iterate(s == iterations - 1);
        }
        return state();
    }

    /** Runs the iterations left until {@link TsneConfig#iterations()} (at least none) and returns a snapshot. */
    public TsneState run() {
        int left = config.iterations() - iteration;
        return left > 0 ? step(left) : state();
    }

    private void iterate(boolean computeError) {
        boolean early = iteration < exaggerationEnd;
        if (iteration == exaggerationEnd && exaggerationEnd > 0) {
            // scikit-learn restarts its optimiser (update 0, gains 1) for the second phase
            Arrays.fill(update, 0.0);
            Arrays.fill(gains, 1.0);
        }
        double exaggeration = early ? config.earlyExaggeration() : 1.0;
        double momentum = early ? 0.5 : 0.8;
        double err = gradient.compute(x, y, exaggeration, gx, gy, computeError);
        if (computeError) {
            kl = err;
        }
        descend(x, gx, 0, momentum);
        descend(y, gy, n, momentum);
        iteration++;
    }

    private void descend(double[] pos, double[] grad, int off, double momentum) {
        final double[] u = update, g = gains;
        final double lr = learningRate;
        for (int i = 0; i < n; i++) {
            double gr = grad[i];
            double up = u[off + i];
            double gain = g[off + i];
            gain = up * gr < 0.0 ? gain + 0.2 : gain * 0.8;
            if (gain < MIN_GAIN) {
                gain = MIN_GAIN;
            }
            g[off + i] = gain;
            up = momentum * up - lr * (gr * gain);
            u[off + i] = up;
            pos[i] += up;
        }
    }

    /** A snapshot of the current map, the last KL evaluated (NaN before any) and the iteration count. */
    public TsneState state() {
        return new TsneState(embedding(), kl, iteration);
    }

    /** A copy of the current map, N x 2. */
    public double[][] embedding() {
        double[][] e = new double[n][2];
        for (int i = 0; i < n; i++) {
            e[i][0] = x[i];
            e[i][1] = y[i];
        }
        return e;
    }

    /** KL(P || Q) of the current map with the exact normalisation (O(N^2); for checks on small N). */
    public double exactKlDivergence() {
        return Gradient.exactKl(x, y, p);
    }

    public int iteration() {
        return iteration;
    }

    public int size() {
        return n;
    }

    /** Number of nearest neighbours used for P. */
    public int neighbours() {
        return neighbours;
    }

    /** The learning rate in use ("auto" resolved). */
    public double learningRate() {
        return learningRate;
    }

    /** Whether the next iteration is in the early-exaggeration phase. */
    public boolean inEarlyExaggeration() {
        return iteration < exaggerationEnd;
    }

    public TsneConfig config() {
        return config;
    }

    /** The joint probabilities (package access for tests). */
    Affinities.Csr affinities() {
        return p;
    }

    // -- test hooks ---------------------------------------------------------------------------

    /** Barnes-Hut gradient at the current map with the given exaggeration, as {gx, gy}. */
    double[][] bhGradient(double exaggeration) {
        double[] ax = new double[n], ay = new double[n];
        gradient.compute(x, y, exaggeration, ax, ay, false);
        return new double[][] {ax, ay};
    }

    /** Exact gradient at the current map, as {gx, gy}. */
    double[][] exactGradient(double exaggeration) {
        double[] ax = new double[n], ay = new double[n];
        Gradient.exact(x, y, p, exaggeration, ax, ay);
        return new double[][] {ax, ay};
    }
}
