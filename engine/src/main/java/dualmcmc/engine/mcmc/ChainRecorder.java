package dualmcmc.engine.mcmc;

import dualmcmc.engine.nn.NativeCopy;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

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
     * @param decoded for z-chains, every chain's g(z) at this step, [N, D]; else null
     */
    void record(int step, INDArray scalars, INDArray state, INDArray decoded) {
        values[step] = scalars.toDoubleVector();
        int n = (int) state.rows();
        for (int r : recorded) {
            if (r < 0 || r >= n) {
                throw new IllegalArgumentException("recorded chain " + r + " outside 0.." + (n - 1));
            }
        }
        if (recorded.length == 0) {
            states[step] = new float[0][];
            if (this.decoded != null) {
                this.decoded[step] = new float[0][];
            }
            return;
        }
        states[step] = rows(state, recorded);
        if (decoded != null) {
            this.decoded[step] = rows(decoded, recorded);
        }
    }

    /**
     * The rows {@code which} (all, in order, if null) of a [N, dim] array, picked in Java from one
     * bulk copy: ND4J's getRows and toFloatMatrix work row by row and made recording 1024 chains
     * cost ~70 ms a step, against ~2 ms for the step itself.
     */
    private static float[][] rows(INDArray a, int[] which) {
        int n = (int) a.rows();
        int dim = (int) (a.length() / n);
        float[] all = new float[n * dim];
        NativeCopy.read(a, all, all.length);
        int count = which == null ? n : which.length;
        float[][] out = new float[count][];
        for (int i = 0; i < count; i++) {
            int r = which == null ? i : which[i];
            out[i] = Arrays.copyOfRange(all, r * dim, (r + 1) * dim);
        }
        return out;
    }

    ChainTrace finish() {
        return new ChainTrace(kind, init, values, recorded, states, decoded);
    }
}
