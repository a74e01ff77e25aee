package dualmcmc.engine.report;

/**
 * A figure of one run with its bootstrap replicates over samples (null where the figure has none
 * to resample, e.g. a reconstruction MSE of the methods table). Tables show only the value.
 */
public record Measured(double value, double[] replicates) {
    /** The figure a method cannot have (no generator, no EBM). */
    public static final Measured MISSING = new Measured(Double.NaN, null);
}
