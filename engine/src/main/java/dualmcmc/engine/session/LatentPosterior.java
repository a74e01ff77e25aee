package dualmcmc.engine.session;

/** The inference model's q(z | x) per observation: its means and standard deviations. */
public record LatentPosterior(double[][] mu, double[][] sd) {
}
