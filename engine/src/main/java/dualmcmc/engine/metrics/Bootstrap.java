package dualmcmc.engine.metrics;

import dualmcmc.engine.util.Rng;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.SplittableRandom;

/**
 * Bootstrap replicates of a report's figures, so two figures can be told apart from sampling
 * noise: a Frechet distance over the samples it was computed from, a mean over per-sample values,
 * and either of them over seeds as well. Replicates are seeded: the same seed gives the same
 * replicates, hence the same interval ({@link Interval#percentiles}).
 */
public final class Bootstrap {
    private Bootstrap() {
    }

    /**
     * FDs between the rows of {@code a} and of {@code b}, each set resampled with replacement
     * {@code count} times. The features are read once; a replicate only gathers rows, so its cost
     * is one FD on the feature width (64 for the project's classifiers), not a forward pass.
     */
    public static double[] frechet(INDArray a, INDArray b, int count, long seed) {
        if (a.columns() != b.columns()) {
            throw new IllegalArgumentException("feature sets differ in width: " + a.columns() + " vs " + b.columns());
        }
        int d = (int) a.columns();
        double[] xa = FrechetDistance.rowMajor(a);
        double[] xb = FrechetDistance.rowMajor(b);
        SplittableRandom random = random(seed, "frechet");
        double[] out = new double[count];
        for (int r = 0; r < count; r++) {
            out[r] = FrechetDistance.between(resampleRows(xa, d, random), resampleRows(xb, d, random), d);
        }
        return out;
    }

    /** Means of {@code values} resampled with replacement {@code count} times. */
    public static double[] mean(double[] values, int count, long seed) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to resample");
        }
        SplittableRandom random = random(seed, "mean");
        double[] out = new double[count];
        for (int r = 0; r < count; r++) {
            double sum = 0;
            for (int i = 0; i < values.length; i++) {
                sum += values[random.nextInt(values.length)];
            }
            out[r] = sum / values.length;
        }
        return out;
    }

    /**
     * The hierarchical bootstrap of a figure averaged over seeds: each replicate draws the seeds
     * with replacement and, for each seed drawn, one of that seed's own replicates over samples,
     * so the interval holds both the spread between seeds and the noise of finite samples.
     * {@code perSample[s]} are seed s's replicates, or null for a figure with none (then only the
     * seeds are resampled). The k-th seed drawn in replicate r takes that seed's replicate
     * (r + k) mod B, which gives two draws of one seed different replicates, and with a single seed
     * gives back exactly its own replicates, hence its own interval.
     */
    public static double[] overSeeds(double[] perSeed, double[][] perSample, int count, long seed) {
        int n = perSeed.length;
        if (n == 0 || perSample.length != n) {
            throw new IllegalArgumentException("need one value and one set of replicates (or null) per seed");
        }
        SplittableRandom random = random(seed, "seeds");
        double[] out = new double[count];
        for (int r = 0; r < count; r++) {
            double sum = 0;
            for (int k = 0; k < n; k++) {
                int s = n == 1 ? 0 : random.nextInt(n);
                double[] reps = perSample[s];
                sum += reps == null || reps.length == 0 ? perSeed[s] : reps[(r + k) % reps.length];
            }
            out[r] = sum / n;
        }
        return out;
    }

    /** A fresh copy of rows drawn with replacement from a row-major array of width d. */
    private static double[] resampleRows(double[] x, int d, SplittableRandom random) {
        int n = x.length / d;
        double[] out = new double[x.length];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, random.nextInt(n) * d, out, i * d, d);
        }
        return out;
    }

    private static SplittableRandom random(long seed, String name) {
        return new SplittableRandom(Rng.mix(seed, "bootstrap/" + name));
    }
}
