package dualmcmc.app.compare;

import dualmcmc.engine.mcmc.ChainKind;
import dualmcmc.engine.mcmc.ChainTrace;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * What one compare run says, in numbers and in one sentence: the dual-MCMC start's mean value at
 * the last step (energy for x, per-pixel MSE for z) against the noise start's, and how many steps
 * the noise chains needed to get as low, if they got there at all. The sentence is built from the
 * numbers only, so it says the opposite when the models do not (yet) show the paper's point.
 *
 * @param steps    the chains' k
 * @param dual     mean at step k of the chains started by dual-MCMC (generator / inference model)
 * @param noise    mean at step k of the noise-started chains
 * @param dualStart  the dual-MCMC start's mean at step 0
 * @param noiseStart the noise start's mean at step 0
 * @param catchUp  the first step at which the noise chains' mean is at or below {@code dual}, or -1
 */
public record Comparison(ChainKind kind, int steps, double dual, double noise, double dualStart, double noiseStart,
                         int catchUp) {
    /** Closer than this fraction of their size, the two ends count as the same (chain noise, not a result). */
    static final double TIE = 0.01;

    public static Comparison of(ChainKind kind, ChainTrace dual, ChainTrace noise) {
        int k = dual.steps();
        double d = dual.mean(k);
        int catchUp = -1;
        for (int t = 0; t <= noise.steps(); t++) {
            if (noise.mean(t) <= d) {
                catchUp = t;
                break;
            }
        }
        return new Comparison(kind, k, d, noise.mean(noise.steps()), dual.mean(0), noise.mean(0), catchUp);
    }

    /** Whether the dual-MCMC start ends lower than the noise start (the paper's point). */
    public boolean dualWins() {
        return dual < noise && !tie();
    }

    /** Whether both ends are the same within {@link #TIE} of their size. */
    public boolean tie() {
        return Math.abs(noise - dual) <= TIE * Math.max(Math.abs(dual), Math.abs(noise));
    }

    /**
     * One line for the user, e.g. "After 10 steps: inference-initialised MSE 0.0213 vs 0.0641 from
     * noise (3.0x lower; at the start 0.0402 vs 0.512); the noise chains do not get that low within
     * 10 steps."
     */
    public String explanation() {
        boolean x = kind == ChainKind.X;
        String what = x ? "generator-initialised mean energy " : "inference-initialised MSE ";
        StringBuilder b = new StringBuilder();
        b.append("After ").append(steps).append(steps == 1 ? " step: " : " steps: ").append(what)
                .append(number(dual)).append(" vs ").append(number(noise)).append(" from noise");
        String start = "at the start " + number(dualStart) + " vs " + number(noiseStart);
        if (tie()) {
            return b.append(": about the same here (").append(start).append(").").toString();
        }
        if (!dualWins()) {
            return b.append(": the noise start ends lower here (").append(start).append(").").toString();
        }
        // energies can be negative, so only their difference means something; MSEs compare as a ratio
        if (x || dual <= 0) {
            b.append(" (").append(number(noise - dual)).append(" lower");
        } else {
            b.append(" (").append(String.format(java.util.Locale.ROOT, "%.1f", noise / dual)).append("x lower");
        }
        b.append("; ").append(start).append(")");
        if (catchUp < 0) {
            b.append("; the noise chains do not get that low within ").append(steps).append(" steps.");
        } else {
            b.append("; the noise chains need ").append(catchUp).append(" steps to get that low.");
        }
        return b.toString();
    }

    /** A value as the explanation writes it: three significant digits, no trailing zeros, no exponent. */
    public static String number(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        String s = new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }
}
