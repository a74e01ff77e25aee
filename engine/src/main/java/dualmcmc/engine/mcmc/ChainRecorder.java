package dualmcmc.engine.mcmc;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.function.UnaryOperator;

/** Collects a {@link ChainTrace} while a sampler runs; samplers skip all recording work without one. */
public final class ChainRecorder {
    private final ChainKind kind;
    private final ChainInit init;
    private final int[] recorded;
    private double[][] values;
    private float[][][] states;
    private float[][][] decoded;

    /**
     * @param recorded indices of the chains whose full states are kept (others keep only scalars)
     */
    public ChainRecorder(ChainKind kind, ChainInit init, int[] recorded) {
        this.kind = kind;
        this.init = init;
        this.recorded = recorded.clone();
    }

    /** Records the first {@code n} chains' states. */
    public static ChainRecorder firstChains(ChainKind kind, ChainInit init, int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        return new ChainRecorder(kind, init, idx);
    }

    void begin(int steps) {
        values = new double[steps + 1][];
        states = new float[steps + 1][][];
        if (kind == ChainKind.Z) {
            decoded = new float[steps + 1][][];
        }
    }

    /**
     * @param scalars per-chain value at this step, [N]
     * @param state   all chains' states, [N, dim]
     * @param decoder for z-chains, maps the recorded states [m, nz] to g(z) [m, D]; else null
     */
    void record(int step, INDArray scalars, INDArray state, UnaryOperator<INDArray> decoder) {
        values[step] = scalars.toDoubleVector();
        int n = (int) state.rows();
        for (int r : recorded) {
            if (r < 0 || r >= n) {
                throw new IllegalArgumentException("recorded chain " + r + " outside 0.." + (n - 1));
            }
        }
        if (recorded.length == 0) {
            states[step] = new float[0][];
            if (decoded != null) {
                decoded[step] = new float[0][];
            }
            return;
        }
        INDArray picked = state.getRows(recorded);
        states[step] = picked.toFloatMatrix();
        if (decoder != null) {
            decoded[step] = decoder.apply(picked).toFloatMatrix();
        }
    }

    ChainTrace finish() {
        return new ChainTrace(kind, init, values, recorded, states, decoded);
    }
}
