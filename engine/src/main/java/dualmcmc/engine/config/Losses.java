package dualmcmc.engine.config;

/**
 * The weights of the generator's and inference model's terms, where the EBM's negatives start,
 * and when training counts as diverged.
 */
public record Losses(double sFactor, double iFactor, boolean fineTune, double xRestart, double divergenceBound) {
    /**
     * How many of a block's {@code n} EBM negatives start from noise. Rounded per block, so that
     * the count, like everything else in an iteration, does not depend on the threads.
     */
    public int restartedOf(int n) {
        return (int) Math.round(xRestart * n);
    }
}
