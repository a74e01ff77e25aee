package dualmcmc.app.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Where a plot's axis gets its ticks (about five round steps across the range) and how they read. */
public final class AxisTicks {
    private AxisTicks() {
    }

    /**
     * Ticks at multiples of a round step (1, 2, 2.5 or 5 times a power of ten, the smallest at
     * least a fifth of the range) from lo to hi; empty for an empty or reversed range.
     */
    public static double[] ticks(double lo, double hi) {
        double span = hi - lo;
        double raw = span / 5;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = mag;
        for (double m : new double[]{1, 2, 2.5, 5, 10}) {
            if (m * mag >= raw) {
                step = m * mag;
                break;
            }
        }
        List<Double> out = new ArrayList<>();
        for (double v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) {
            // summing steps leaves 1e-17 where zero belongs, which would read as "-0"
            out.add(Math.abs(v) < 1e-12 ? 0 : v);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** A tick's label: whole numbers without a point, others with at most two decimals. */
    public static String label(double v) {
        if (v == Math.rint(v)) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
