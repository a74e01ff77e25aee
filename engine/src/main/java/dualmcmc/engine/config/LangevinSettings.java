package dualmcmc.engine.config;

/**
 * A short-run Langevin chain: k steps of size s with noise scale n (the public code's separate n).
 * A {@code clamped} chain clips every value to [-1, 1], the range of image data in the networks'
 * units, after each step ({@code x_clamp}); unclamped, the chain is the paper's.
 *
 * <p>{@code anneal} is the last step's noise as a fraction of n, the noise falling geometrically
 * from n at the first step ({@code x_anneal}; 1, constant noise, is the paper's chain). An
 * annealed chain explores at the full temperature first and settles into the wells at a lower one
 * at the end, common practice for short-run EBM samplers.
 *
 * <p>{@code gradientClip} bounds each coordinate of the gradient a step follows to [-c, c]
 * ({@code x_grad_clip}; 0, unbounded, is the paper's chain). An EBM that has grown steeper than
 * the step size can follow throws its chains past the wells; the bound keeps every move within
 * s^2/2 c plus the noise (Du &amp; Mordatch clip their chains' gradients the same way).
 */
public record LangevinSettings(int steps, double stepSize, double noise, boolean clamped, double anneal,
                               double gradientClip) {
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
        if (!(anneal > 0 && anneal <= 1)) {
            throw new IllegalArgumentException("anneal must be in (0, 1], got " + anneal);
        }
        if (!(gradientClip >= 0) || Double.isInfinite(gradientClip)) {
            throw new IllegalArgumentException("gradient clip must be >= 0 and finite (0: none), got " + gradientClip);
        }
    }

    /** A chain with unbounded gradients. */
    public LangevinSettings(int steps, double stepSize, double noise, boolean clamped, double anneal) {
        this(steps, stepSize, noise, clamped, anneal, 0);
    }

    /** A chain with constant noise. */
    public LangevinSettings(int steps, double stepSize, double noise, boolean clamped) {
        this(steps, stepSize, noise, clamped, 1.0);
    }

    /** An unclamped chain with constant noise, as the paper's. */
    public LangevinSettings(int steps, double stepSize, double noise) {
        this(steps, stepSize, noise, false);
    }

    public LangevinSettings withSteps(int k) {
        return with(k, stepSize, noise);
    }

    /** The same chain (clamping, annealing) with another length, step size and noise. */
    public LangevinSettings with(int k, double s, double n) {
        return new LangevinSettings(k, s, n, clamped, anneal, gradientClip);
    }

    /** The noise scale of step {@code t} (0-based): n anneal^(t / (k - 1)). */
    public double noiseAt(int t) {
        if (anneal == 1.0 || steps < 2) {
            return noise;
        }
        return noise * Math.pow(anneal, (double) t / (steps - 1));
    }
}
