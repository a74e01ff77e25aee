package dualmcmc.engine.mcmc;

import dualmcmc.engine.config.LangevinSettings;
import dualmcmc.engine.model.Generator;
import dualmcmc.engine.util.Rng;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Generator-guided revision T^z of latents for given observations x:
 * z <- z - s_z^2/2 (d||x - g(z)||^2/dz / sigma^2 + z / prior_sigma^2) + n_z U, i.e. Langevin on the
 * posterior p(z | x) of the generator. Starts from the inference model (dual-MCMC) or noise (ABP).
 */
public final class ZRevision {
    private final Generator generator;
    private final LangevinSettings settings;
    private final double sigma;
    private final double priorSigma;

    public ZRevision(Generator generator, LangevinSettings settings, double sigma, double priorSigma) {
        this.generator = generator;
        this.settings = settings;
        this.sigma = sigma;
        this.priorSigma = priorSigma;
    }

    /**
     * The function whose gradient the chains descend, per row of {@code z} for the matching row of
     * {@code x} (or for {@code x}'s single row): U(z) = ||x - g(z)||^2 / sigma^2 + ||z||^2 / (2 prior_sigma^2),
     * so that a step is z - s_z^2/2 dU/dz + noise. The exact -log p(z | x) has half this likelihood
     * term; the authors' code, and this sampler, take the gradient above, so a picture of the
     * landscape a chain walks on must show U, not -log p(z | x).
     */
    public INDArray targetEnergy(INDArray z, INDArray x) {
        INDArray g = generator.generate(z);
        INDArray diff = x.rows() == 1 && z.rows() > 1 ? g.subRowVector(x) : g.sub(x);
        INDArray likelihood = diff.muli(diff).sum(1).divi(sigma * sigma);
        return likelihood.addi(z.mul(z).sum(1).divi(2 * priorSigma * priorSigma));
    }

    /**
     * Runs the chains from {@code z0} (unchanged) towards the posterior of {@code x}; returns z_k.
     * The recorded scalar is the per-pixel reconstruction MSE mean_d (x_d - g(z)_d)^2.
     */
    public INDArray run(INDArray z0, INDArray x, Rng rng, ChainRecorder recorder) {
        INDArray z = z0.dup('c');
        LangevinUpdate update = new LangevinUpdate(settings, rng, z);
        INDArray sqErr = recorder == null ? null : Nd4j.create(z.dataType(), z.rows());
        INDArray decoded = recorder == null ? null : Nd4j.create(x.dataType(), x.rows(), x.columns());
        double perPixel = 1.0 / x.columns();
        if (recorder != null) {
            recorder.begin(settings.steps());
        }
        double likelihood = 1.0 / (sigma * sigma);
        double prior = 1.0 / (priorSigma * priorSigma);
        for (int t = 0; t < settings.steps(); t++) {
            INDArray grad = generator.reconstructionGradient(z, x, sqErr, decoded);
            if (recorder != null) {
                recorder.record(t, sqErr.mul(perPixel), z, decoded);
            }
            update.apply(z, grad, likelihood, prior);
        }
        if (recorder != null) {
            INDArray last = generator.generate(z);
            INDArray diff = last.sub(x);
            recorder.record(settings.steps(), diff.muli(diff).sum(1).muli(perPixel), z, last);
        }
        return z;
    }
}
