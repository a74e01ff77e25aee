package dualmcmc.engine.config;

/** Batch size and the three Adam optimisers' settings; the EBM's optimiser runs without weight decay. */
public record Optimiser(int batch, double lrE, double lrG, double lrI, double decayG, double decayI,
                        double lrDecay, int lrEWarmup, double beta1, double beta2) {

    /**
     * The EBM's learning rate in iteration {@code t} (counted from 0) of epoch {@code epoch}: lr_E,
     * decayed once per epoch, and during the first lr_e_warmup iterations scaled by (t + 1) / warm-up.
     */
    public double lrEAt(long t, int epoch) {
        double warm = t < lrEWarmup ? (t + 1) / (double) lrEWarmup : 1;
        return lrE * decay(epoch) * warm;
    }

    public double lrGAt(int epoch) {
        return lrG * decay(epoch);
    }

    public double lrIAt(int epoch) {
        return lrI * decay(epoch);
    }

    private double decay(int epoch) {
        return Math.pow(lrDecay, epoch);
    }
}
