package dualmcmc.engine.config;

/**
 * A short-run Langevin chain: k steps of size s with noise scale n (the public code's separate n).
 * A {@code clamped} chain clips every value to [-1, 1], the range of image data in the networks'
 * units, after each step ({@code x_clamp}); unclamped, the chain is the paper's.
 */
public record LangevinSettings(int steps, double stepSize, double noise, boolean clamped) {
    /** Where a clamped chain clips: images are scaled to [-1, 1] (Dataset). */
    public static final double CLAMP = 1.0;

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

    /** An unclamped chain, as the paper's. */
    public LangevinSettings(int steps, double stepSize, double noise) {
        this(steps, stepSize, noise, false);
    }

    public LangevinSettings withSteps(int k) {
        return new LangevinSettings(k, stepSize, noise, clamped);
    }
}
