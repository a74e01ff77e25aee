package dualmcmc.engine.mcmc;

/**
 * What a chain changed: the difference between a later state and the start (x_tau - x_0 for
 * x-chains, g(z_tau) - g(z_0) for z-chains' decodings) and its size, so that a small revision of
 * a picture can be measured and drawn visibly.
 */
public final class Revision {
    private Revision() {
    }

    /** {@code to - from}, element by element. */
    public static float[] difference(float[] to, float[] from) {
        if (to.length != from.length) {
            throw new IllegalArgumentException("states of " + to.length + " and " + from.length + " values");
        }
        float[] d = new float[to.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = to[i] - from[i];
        }
        return d;
    }

    /** Mean absolute value: the average change per pixel (in the data's [-1, 1] units). */
    public static double meanAbs(float[] d) {
        double s = 0;
        for (float v : d) {
            s += Math.abs(v);
        }
        return d.length == 0 ? 0 : s / d.length;
    }

    /** The largest absolute value over all of them (0 when all are empty or zero). */
    public static double maxAbs(float[]... ds) {
        double m = 0;
        for (float[] d : ds) {
            if (d == null) {
                continue;
            }
            for (float v : d) {
                m = Math.max(m, Math.abs(v));
            }
        }
        return m;
    }

    /**
     * Mean absolute change from step 0 to step {@code step} of each recorded chain: of the states
     * (x-chains) or of the decodings (z-chains).
     */
    public static double[] meanAbsChange(ChainTrace t, int step) {
        int n = t.recordedChains().length;
        double[] out = new double[n];
        for (int r = 0; r < n; r++) {
            out[r] = meanAbs(difference(picture(t, step, r), picture(t, 0, r)));
        }
        return out;
    }

    /** The picture a chain shows at a step: the state for x-chains, the decoding g(z) for z-chains. */
    public static float[] picture(ChainTrace t, int step, int r) {
        return t.kind() == ChainKind.Z ? t.decoded(step, r) : t.state(step, r);
    }
}
