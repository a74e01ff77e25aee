package dualmcmc.engine.nn;

/**
 * exp with relative error below 1e-9, several times faster than {@link Math#exp} in the
 * activation loops (profiling the toy chains showed Math.exp taking two thirds of a Langevin step).
 * Range reduction x = k ln2 + r with |r| <= ln2/2, then a degree-9 Taylor polynomial for e^r.
 */
public final class FastMath {
    private static final double LOG2E = 1.4426950408889634;
    private static final double LN2_HI = 0.6931471803691238;
    private static final double LN2_LO = 1.9082149292705877e-10;
    private static final double MAX = 709.0;
    private static final double MIN = -708.0;

    private FastMath() {
    }

    public static double exp(double x) {
        if (!(x > MIN)) {
            return x != x ? x : 0.0;  // NaN stays NaN
        }
        if (x > MAX) {
            return Double.POSITIVE_INFINITY;
        }
        long k = (long) Math.floor(x * LOG2E + 0.5);
        double r = (x - k * LN2_HI) - k * LN2_LO;
        double p = 1 + r * (1 + r * (1.0 / 2 + r * (1.0 / 6 + r * (1.0 / 24 + r * (1.0 / 120 + r * (1.0 / 720
                + r * (1.0 / 5040 + r * (1.0 / 40320 + r * (1.0 / 362880)))))))));
        return p * Double.longBitsToDouble((k + 1023) << 52);
    }

    public static double sigmoid(double x) {
        return 1 / (1 + exp(-x));
    }

    public static double tanh(double x) {
        if (x > 20) {
            return 1;
        }
        if (x < -20) {
            return -1;
        }
        double e = exp(2 * x);
        return (e - 1) / (e + 1);
    }
}
