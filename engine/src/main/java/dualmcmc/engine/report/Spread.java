package dualmcmc.engine.report;

/**
 * A figure's spread over seeds: mean, sample standard deviation (NaN for one seed: one value has
 * no spread to estimate) and range. A figure missing for any seed is missing (NaN) as a whole, so
 * a diverged seed cannot quietly drop out of a mean; the per-seed CSV shows which seed it was.
 */
public record Spread(int seeds, double mean, double sd, double min, double max) {
    public static Spread of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to summarise");
        }
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isNaN(v)) {
                return new Spread(values.length, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double mean = sum / values.length;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double sd = values.length < 2 ? Double.NaN : Math.sqrt(squares / (values.length - 1));
        return new Spread(values.length, mean, sd, min, max);
    }
}
