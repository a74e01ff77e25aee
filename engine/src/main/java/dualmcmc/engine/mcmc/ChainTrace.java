package dualmcmc.engine.mcmc;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * What a chain view reads: for steps 0..k, each chain's scalar (energy E(x) for x-chains, per-pixel
 * reconstruction MSE for z-chains), their mean, and the states of the recorded chains (and, for
 * z-chains, their decodings g(z)), so a caller can step forward and back. Immutable.
 */
public final class ChainTrace {
    private final ChainKind kind;
    private final ChainInit init;
    private final double[][] values;     // [k+1][N]
    private final double[] mean;         // [k+1]
    private final int[] recorded;        // indices of the chains whose states are kept
    private final float[][][] states;    // [k+1][recorded][dim]
    private final float[][][] decoded;   // [k+1][recorded][D] for z-chains, else null

    ChainTrace(ChainKind kind, ChainInit init, double[][] values, int[] recorded, float[][][] states,
               float[][][] decoded) {
        this.kind = kind;
        this.init = init;
        this.values = values;
        this.recorded = recorded;
        this.states = states;
        this.decoded = decoded;
        this.mean = new double[values.length];
        for (int t = 0; t < values.length; t++) {
            mean[t] = Arrays.stream(values[t]).average().orElse(Double.NaN);
        }
    }

    /** The traces of consecutive blocks of chains (of one kind, init and length) as one trace, in order. */
    static ChainTrace concat(List<ChainTrace> parts) {
        ChainTrace first = parts.get(0);
        if (parts.size() == 1) {
            return first;
        }
        int steps = first.values.length;
        double[][] values = new double[steps][];
        float[][][] states = new float[steps][][];
        float[][][] decoded = first.decoded == null ? null : new float[steps][][];
        int[] recorded = new int[parts.stream().mapToInt(p -> p.recorded.length).sum()];
        int offset = 0;
        int r = 0;
        for (ChainTrace p : parts) {
            if (p.kind != first.kind || p.init != first.init || p.values.length != steps) {
                throw new IllegalArgumentException("traces of different chains cannot be joined");
            }
            for (int i : p.recorded) {
                recorded[r++] = offset + i;
            }
            offset += p.chains();
        }
        for (int t = 0; t < steps; t++) {
            int step = t;
            values[t] = parts.stream().flatMapToDouble(p -> Arrays.stream(p.values[step])).toArray();
            states[t] = rows(parts, p -> p.states[step]);
            if (decoded != null) {
                decoded[t] = rows(parts, p -> p.decoded[step]);
            }
        }
        return new ChainTrace(first.kind, first.init, values, recorded, states, decoded);
    }

    private static float[][] rows(List<ChainTrace> parts, Function<ChainTrace, float[][]> pick) {
        return parts.stream().map(pick).flatMap(Arrays::stream).toArray(float[][]::new);
    }

    public ChainKind kind() {
        return kind;
    }

    public ChainInit init() {
        return init;
    }

    /** Number of Langevin steps k; the trace holds k + 1 states (0..k). */
    public int steps() {
        return values.length - 1;
    }

    public int chains() {
        return values[0].length;
    }

    public double mean(int step) {
        return mean[step];
    }

    public double[] meanProfile() {
        return mean.clone();
    }

    public double value(int step, int chain) {
        return values[step][chain];
    }

    /** One chain's scalar at each step. */
    public double[] profile(int chain) {
        double[] p = new double[values.length];
        for (int t = 0; t < p.length; t++) {
            p[t] = values[t][chain];
        }
        return p;
    }

    public int[] recordedChains() {
        return recorded.clone();
    }

    /** State (x, or z) of the r-th recorded chain at a step; a copy. */
    public float[] state(int step, int r) {
        return states[step][r].clone();
    }

    /** g(z) of the r-th recorded z-chain at a step; a copy. */
    public float[] decoded(int step, int r) {
        if (decoded == null) {
            throw new IllegalStateException("an x-chain has no decodings");
        }
        return decoded[step][r].clone();
    }
}
