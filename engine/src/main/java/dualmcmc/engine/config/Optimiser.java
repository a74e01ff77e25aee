package dualmcmc.engine.config;

/** Batch size and the three Adam optimisers' settings; the EBM's optimiser runs without weight decay. */
public record Optimiser(int batch, double lrE, double lrG, double lrI, double decayG, double decayI,
                        double lrDecay, double beta1, double beta2) {
}
