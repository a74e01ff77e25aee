package dualmcmc.app.chart;

import java.util.Arrays;

/**
 * The value range a heatmap's colours span: robust percentiles rather than the extremes, so a few
 * huge energies at the plot's edge do not wash the landscape out to one colour.
 */
public final class HeatScale {
    private static final double LOW = 0.01;
    private static final double HIGH = 0.97;

    private HeatScale() {
    }

    /** {lo, hi} of the finite values, hi > lo; null when none is finite. */
    public static double[] range(double[][] values) {
        double[] finite = Arrays.stream(values).flatMapToDouble(Arrays::stream).filter(Double::isFinite).sorted()
                .toArray();
        if (finite.length == 0) {
            return null;
        }
        double lo = finite[(int) (LOW * (finite.length - 1))];
        double hi = finite[(int) (HIGH * (finite.length - 1))];
        // a flat landscape still needs a non-empty range to divide by
        if (!(hi > lo)) {
            hi = lo + 1e-9;
        }
        return new double[]{lo, hi};
    }
}
