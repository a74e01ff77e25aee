package dualmcmc.engine.train;

/**
 * What one training iteration reports: the three losses, the mean energies of data and of the
 * (revised) samples the EBM was trained against, the epoch and the wall time of the iteration.
 */
public record IterationStats(long iteration, int epoch, double errE, double errG, double errI,
                             double energyData, double energySamples, double seconds) {
}
