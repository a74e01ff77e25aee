package dualmcmc.engine.mcmc;

import dualmcmc.engine.config.LangevinSettings;
import dualmcmc.engine.nn.NativeCopy;
import dualmcmc.engine.util.Rng;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The shared Langevin move, in place and in one pass over the chains:
 * state <- state - s^2/2 (a * gradient + b * state) + n U, U ~ N(0, I), where a scales the
 * gradient (1 for an energy, 1/sigma^2 for a reconstruction error) and b is the Gaussian prior's
 * pull (0 for x, 1/prior_sigma^2 for z).
 *
 * <p>One pass in Java rather than five ND4J calls (scale, subtract, draw, scale, add): each call
 * costs 10-20 us here, more than the arithmetic on a batch of 2-D chains.
 */
final class LangevinUpdate {
    private final double drift;
    private final double noise;
    private final Rng rng;
    private final INDArray noiseBuffer;
    private final double[] state;
    private final double[] gradient;
    private final double[] draws;
    private final int n;

    /** Moves for chains shaped like {@code like} (a dense 'c' array, e.g. the state itself). */
    LangevinUpdate(LangevinSettings settings, Rng rng, INDArray like) {
        this.drift = 0.5 * settings.stepSize() * settings.stepSize();
        this.noise = settings.noise();
        this.rng = rng;
        this.noiseBuffer = like.ulike();
        this.n = (int) like.length();
        this.state = new double[n];
        this.gradient = new double[n];
        this.draws = new double[n];
    }

    void apply(INDArray target, INDArray grad, double gradientScale, double stateDecay) {
        NativeCopy.read(target, state, n);
        NativeCopy.read(grad, gradient, n);
        double a = drift * gradientScale;
        double b = drift * stateDecay;
        for (int i = 0; i < n; i++) {
            state[i] -= a * gradient[i] + b * state[i];
        }
        if (noise > 0) {
            NativeCopy.read(rng.fillGaussian(noiseBuffer), draws, n);
            for (int i = 0; i < n; i++) {
                state[i] += noise * draws[i];
            }
        }
        NativeCopy.write(state, n, target);
    }
}
