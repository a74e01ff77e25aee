package dualmcmc.engine.config;

/** The weights of the generator's and inference model's terms, and when training counts as diverged. */
public record Losses(double sFactor, double iFactor, boolean fineTune, double divergenceBound) {
}
