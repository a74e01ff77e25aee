package dualmcmc.engine.mcmc;

/** Hand-made chain traces for tests of code that draws or exports them (other packages). */
public final class Traces {
    private Traces() {
    }

    /**
     * @param values  [k+1][N] per-chain scalars
     * @param states  [k+1][recorded][dim]
     * @param decoded [k+1][recorded][D] for z-chains, else null
     */
    public static ChainTrace of(ChainKind kind, ChainInit init, double[][] values, float[][][] states,
                                float[][][] decoded) {
        int[] recorded = new int[states[0].length];
        for (int i = 0; i < recorded.length; i++) {
            recorded[i] = i;
        }
        return new ChainTrace(kind, init, values, recorded, states, decoded);
    }
}
