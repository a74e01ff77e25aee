package dualmcmc.app.chart;

/**
 * Exponential moving average for training curves, as TensorBoard's smoothing slider does it: the
 * weight is how much of the running value each new point keeps, and the running value is
 * de-biased so the curve starts at the first point instead of rising from zero. Missing values
 * (NaN) are skipped: they stay missing and do not pull the average.
 */
public final class Smoothing {
    /** The largest weight the slider offers: beyond it a curve no longer follows its data. */
    public static final double MAX_WEIGHT = 0.99;

    private Smoothing() {
    }

    public static double[] ema(double[] values, double weight) {
        if (!(weight >= 0 && weight <= MAX_WEIGHT)) {
            throw new IllegalArgumentException("smoothing weight must be in [0, " + MAX_WEIGHT + "], not " + weight);
        }
        double[] out = new double[values.length];
        double running = 0;
        double keep = 1;
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (Double.isNaN(v)) {
                out[i] = Double.NaN;
                continue;
            }
            running = weight * running + (1 - weight) * v;
            keep *= weight;
            out[i] = running / (1 - keep);
        }
        return out;
    }
}
