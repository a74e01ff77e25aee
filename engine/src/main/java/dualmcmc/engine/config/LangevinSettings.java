package dualmcmc.engine.config;

/** A short-run Langevin chain: k steps of size s with noise scale n (the public code's separate n). */
public record LangevinSettings(int steps, double stepSize, double noise) {
    public LangevinSettings {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        if (!(stepSize > 0) || Double.isInfinite(stepSize)) {
            throw new IllegalArgumentException("step size must be positive and finite, got " + stepSize);
        }
        if (!(noise >= 0) || Double.isInfinite(noise)) {
            throw new IllegalArgumentException("noise must be >= 0 and finite, got " + noise);
        }
    }

    public LangevinSettings withSteps(int k) {
        return new LangevinSettings(k, stepSize, noise);
    }
}
