package dualmcmc.engine.mcmc;

import dualmcmc.engine.util.Rng;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The shared Langevin move: state <- state - s^2/2 * gradient + n * U, U ~ N(0, I), in place. */
final class LangevinUpdate {
    private LangevinUpdate() {
    }

    static void apply(INDArray state, INDArray gradient, double stepSize, double noise, Rng rng,
                      INDArray noiseBuffer) {
        state.subi(gradient.muli(0.5 * stepSize * stepSize));
        if (noise > 0) {
            state.addi(rng.fillGaussian(noiseBuffer).muli(noise));
        }
    }
}
