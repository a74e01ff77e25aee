package dualmcmc.engine.config;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * A real setting as people write it: {@code 2.5}, {@code 10000}, {@code 1e-4}. Six significant
 * digits keep every value a person types (so a value shown and entered again is the same value)
 * while hiding binary noise such as 0.30000000000000004; learning rates and decays, which live
 * below 1e-3, read best in exponent form.
 */
final class NumberText {
    private static final MathContext SIGNIFICANT = new MathContext(6);
    private static final double SMALL = 1e-3;
    private static final double LARGE = 1e6;

    private NumberText() {
    }

    static String format(double v) {
        if (v == 0) {
            return "0";
        }
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        BigDecimal d = BigDecimal.valueOf(v).round(SIGNIFICANT).stripTrailingZeros();
        double magnitude = Math.abs(d.doubleValue());
        if (magnitude >= SMALL && magnitude < LARGE) {
            return d.toPlainString();
        }
        int exponent = d.precision() - d.scale() - 1;
        return d.movePointLeft(exponent).toPlainString() + "e" + exponent;
    }
}
