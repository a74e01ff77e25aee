package dualmcmc.engine.config;

/**
 * The weights of the generator's and inference model's terms, where the EBM's negatives start,
 * the weight of the EBM's energy regulariser, and when training counts as diverged.
 *
 * <p>{@code energyReg} (alpha) adds alpha (mean E(data)^2 + mean E(samples)^2) to the EBM's
 * contrast mean E(data) - mean E(samples), before both are divided by the temperature. The
 * contrast cannot see an energy's level or how far apart the data's and the samples' energies
 * run when the chains stop reaching the wells; the squares hold both near 0 (Du &amp; Mordatch's
 * regulariser for EBMs trained with short Langevin chains).
 */
public record Losses(double sFactor, double iFactor, boolean fineTune, double xRestart, double energyReg,
                     double divergenceBound) {
    /**
     * How many of a block's {@code n} EBM negatives start from noise. Rounded per block, so that
     * the count, like everything else in an iteration, does not depend on the threads.
     */
    public int restartedOf(int n) {
        return (int) Math.round(xRestart * n);
    }
}
