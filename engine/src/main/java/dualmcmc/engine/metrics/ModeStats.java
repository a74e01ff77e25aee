package dualmcmc.engine.metrics;

/**
 * Mode-coverage statistics of samples from a 2-D Gaussian mixture, see {@link MixtureMetrics}.
 *
 * @param modes number of modes covered (0..K)
 * @param hq    fraction of high-quality samples, in [0, 1]
 * @param kl    KL(mode histogram of the high-quality samples || uniform over the K modes), in
 *              nats, in [0, log K]
 */
public record ModeStats(int modes, double hq, double kl) {
}
