package dualmcmc.engine.tsne;

/**
 * Settings of a Barnes-Hut t-SNE run. Defaults follow scikit-learn 1.2's {@code TSNE}
 * (perplexity 30, 1000 iterations, angle 0.5, early exaggeration 12 for 250 iterations,
 * learning rate "auto").
 *
 * @param perplexity             effective number of neighbours, &gt; 0 (and &lt; N, checked by
 *                               {@link BarnesHutTsne#prepare})
 * @param iterations             total number of gradient-descent iterations ({@link BarnesHutTsne#run()}), &gt;= 1
 * @param theta                  Barnes-Hut angle in [0, 1]; 0 gives the exact gradient
 * @param seed                   seed of every random choice (vantage points, random initialisation)
 * @param earlyExaggeration      factor on P during the first {@code exaggerationIterations}, &gt;= 1
 * @param exaggerationIterations length of the early phase (momentum 0.5, exaggerated P), &gt;= 0
 * @param learningRate           step size; {@code NaN} (or {@link #AUTO}) means scikit-learn's "auto":
 *                               {@code max(N / earlyExaggeration / 4, 50)}
 * @param threads                worker threads for the gradient (1 = current thread only); the
 *                               result does not depend on it
 */
public record TsneConfig(double perplexity, int iterations, double theta, long seed,
                         double earlyExaggeration, int exaggerationIterations,
                         double learningRate, int threads) {

    /** Value of {@link #learningRate} that selects scikit-learn's "auto" rule. */
    public static final double AUTO = Double.NaN;

    public TsneConfig {
        if (!(perplexity > 0) || Double.isInfinite(perplexity)) {
            throw new IllegalArgumentException("perplexity must be a finite number > 0, got " + perplexity);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be >= 1, got " + iterations);
        }
        if (!(theta >= 0 && theta <= 1)) {
            throw new IllegalArgumentException("theta must be in [0, 1], got " + theta);
        }
        if (!(earlyExaggeration >= 1) || Double.isInfinite(earlyExaggeration)) {
            throw new IllegalArgumentException("early exaggeration must be a finite number >= 1, got " + earlyExaggeration);
        }
        if (exaggerationIterations < 0) {
            throw new IllegalArgumentException("exaggeration iterations must be >= 0, got " + exaggerationIterations);
        }
        if (!Double.isNaN(learningRate) && !(learningRate > 0 && learningRate < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("learning rate must be > 0 (or NaN for auto), got " + learningRate);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    /** scikit-learn's defaults: perplexity 30, 1000 iterations, theta 0.5, seed 0. */
    public static TsneConfig defaults() {
        return new TsneConfig(30.0, 1000, 0.5, 0L, 12.0, 250, AUTO, 1);
    }

    public TsneConfig withPerplexity(double p) {
        return new TsneConfig(p, iterations, theta, seed, earlyExaggeration, exaggerationIterations, learningRate, threads);
    }

    public TsneConfig withIterations(int it) {
        return new TsneConfig(perplexity, it, theta, seed, earlyExaggeration, exaggerationIterations, learningRate, threads);
    }

    public TsneConfig withTheta(double t) {
        return new TsneConfig(perplexity, iterations, t, seed, earlyExaggeration, exaggerationIterations, learningRate, threads);
    }

    public TsneConfig withSeed(long s) {
        return new TsneConfig(perplexity, iterations, theta, s, earlyExaggeration, exaggerationIterations, learningRate, threads);
    }

    public TsneConfig withLearningRate(double lr) {
        return new TsneConfig(perplexity, iterations, theta, seed, earlyExaggeration, exaggerationIterations, lr, threads);
    }

    public TsneConfig withThreads(int t) {
        return new TsneConfig(perplexity, iterations, theta, seed, earlyExaggeration, exaggerationIterations, learningRate, t);
    }

    /** The learning rate used for {@code n} points (resolves "auto" as scikit-learn 1.2 does). */
    public double learningRateFor(int n) {
        return Double.isNaN(learningRate) ? Math.max(n / earlyExaggeration / 4.0, 50.0) : learningRate;
    }

    /** Number of nearest neighbours used for P: {@code min(n - 1, floor(3 * perplexity + 1))} as scikit-learn. */
    public int neighboursFor(int n) {
        return (int) Math.min(n - 1L, (long) Math.floor(3.0 * perplexity + 1.0));
    }
}
