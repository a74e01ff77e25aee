package dualmcmc.engine.metrics;

import java.util.Arrays;
import java.util.Locale;

/** A range [low, high] a figure is believed to lie in, e.g. the 95% percentile interval of a bootstrap. */
public record Interval(double low, double high) {
    public Interval {
        if (low > high) {
            throw new IllegalArgumentException("an interval's low end " + low + " is above its high end " + high);
        }
    }

    /** The degenerate interval of a figure with nothing to resample. */
    public static Interval point(double v) {
        return new Interval(v, v);
    }

    /**
     * The 2.5 and 97.5 percentiles of bootstrap replicates, interpolated between order statistics
     * (NaN if any replicate is NaN: a figure that is missing for some draw has no interval).
     */
    public static Interval percentiles(double[] replicates) {
        if (replicates.length == 0) {
            throw new IllegalArgumentException("no replicates to take percentiles of");
        }
        double[] sorted = replicates.clone();
        Arrays.sort(sorted);
        if (Double.isNaN(sorted[sorted.length - 1])) {
            return new Interval(Double.NaN, Double.NaN);
        }
        return new Interval(quantile(sorted, 0.025), quantile(sorted, 0.975));
    }

    /**
     * The basic (reverse-percentile) 95% interval of {@code estimate}: the replicates' 2.5 and
     * 97.5 percentiles mirrored about the estimate, [2e - q97.5, 2e - q2.5]. Where the replicates
     * sit above the estimate by a bias, as a Frechet distance recomputed on resampled rows does
     * (duplicates shrink the sample, and FD's finite-sample bias is upwards), the interval moves
     * down by that bias instead of carrying it; for replicates symmetric about the estimate it is
     * the percentile interval.
     */
    public static Interval basic(double estimate, double[] replicates) {
        Interval p = percentiles(replicates);
        if (Double.isNaN(estimate) || !p.isFinite()) {
            return new Interval(Double.NaN, Double.NaN);
        }
        return new Interval(2 * estimate - p.high(), 2 * estimate - p.low());
    }

    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(i + 1, sorted.length - 1);
        return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
    }

    public boolean isFinite() {
        return Double.isFinite(low) && Double.isFinite(high);
    }

    public boolean contains(double v) {
        return low <= v && v <= high;
    }

    public double width() {
        return high - low;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "[%.4g, %.4g]", low, high);
    }
}
