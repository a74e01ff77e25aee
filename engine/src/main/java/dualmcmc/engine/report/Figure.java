package dualmcmc.engine.report;

import dualmcmc.engine.metrics.Bootstrap;
import dualmcmc.engine.metrics.Interval;

import java.util.List;
import java.util.Locale;

/**
 * One figure of a report over seeds: its value for each seed, their spread, and the basic 95%
 * interval ({@link Interval#basic}) of the hierarchical bootstrap over seeds and samples
 * ({@link Bootstrap#overSeeds}), which corrects the upward bias of resampled FDs.
 */
public record Figure(double[] perSeed, Spread spread, Interval interval) {
    /** Columns a figure takes in a CSV, after the figure's own name and an underscore. */
    public static final List<String> CSV_PARTS = List.of("mean", "sd", "min", "max", "low", "high");

    /**
     * {@code perSample[s]}: seed s's replicates over samples, or null; {@code replicates}: how many
     * replicates over seeds (as many as each seed has, so one seed gives back its own interval).
     */
    public static Figure of(double[] perSeed, double[][] perSample, int replicates, long seed) {
        Spread spread = Spread.of(perSeed);
        Interval interval = Double.isNaN(spread.mean()) ? new Interval(Double.NaN, Double.NaN)
                : Interval.basic(spread.mean(), Bootstrap.overSeeds(perSeed, perSample, replicates, seed));
        return new Figure(perSeed.clone(), spread, interval);
    }

    public boolean isMissing() {
        return Double.isNaN(spread.mean());
    }

    List<Double> csvParts() {
        return List.of(spread.mean(), spread.sd(), spread.min(), spread.max(), interval.low(),
                interval.high());
    }

    /** "37.9 ± 1.2 [35.8, 40.1]" (no ± for a single seed), "-" when missing. */
    @Override
    public String toString() {
        if (isMissing()) {
            return "-";
        }
        String sd = Double.isNaN(spread.sd()) ? "" : String.format(Locale.ROOT, " ± %.2g", spread.sd());
        return String.format(Locale.ROOT, "%.4g%s %s", spread.mean(), sd, interval);
    }
}
