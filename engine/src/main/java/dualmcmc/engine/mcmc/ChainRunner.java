package dualmcmc.engine.mcmc;

import dualmcmc.engine.config.LangevinSettings;
import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.data.Dataset;
import dualmcmc.engine.model.ModelSet;
import dualmcmc.engine.util.Rng;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs recorded chains for inspection (the CLI's {@code chains}, the app's chain views): draws the
 * starting states the way dual-MCMC or a baseline would, then records every step.
 */
public final class ChainRunner {
    private final ModelSet models;
    private final TrainingConfig cfg;

    public ChainRunner(ModelSet models, TrainingConfig cfg) {
        this.models = models;
        this.cfg = cfg;
    }

    /** Starting states of n x-chains: generator samples g(z), or noise (uniform on [-1,1] for images). */
    public INDArray xStart(ChainInit init, int n, Rng rng) {
        return switch (init) {
            case GENERATOR -> models.generator().generate(rng.gaussian(n, models.latentSize()));
            case NOISE -> models.shape().isImage()
                    ? rng.fillUniform(Nd4j.create(Nd4j.defaultFloatingPointType(), n, models.shape().size()), -1, 1)
                    : rng.gaussian(n, models.shape().size());
            case INFERENCE -> throw new IllegalArgumentException("x-chains start from the generator or noise");
        };
    }

    /** Starting latents for observations x: a sample of q(z|x), or prior noise N(0, I). */
    public INDArray zStart(ChainInit init, INDArray x, Rng rng) {
        return switch (init) {
            case INFERENCE -> models.inference().infer(x).sample(rng.gaussian(x.rows(), models.latentSize()));
            case NOISE -> rng.gaussian(x.rows(), models.latentSize());
            case GENERATOR -> throw new IllegalArgumentException("z-chains start from the inference model or noise");
        };
    }

    /** n x-chains of the given settings, the first {@code recorded} of them with full states. */
    public ChainTrace xChains(ChainInit init, LangevinSettings settings, int n, int recorded, long seed) {
        Rng rng = Rng.derive(seed, "x-chains");
        INDArray x0 = xStart(init, n, rng);
        ChainRecorder rec = ChainRecorder.firstChains(ChainKind.X, init, Math.min(recorded, n));
        new XRevision(models.energy(), settings).run(x0, rng, rec);
        return rec.finish();
    }

    /** z-chains for the first n points of a seeded subset of {@code data}. */
    public ChainTrace zChains(ChainInit init, LangevinSettings settings, Dataset data, int n, int recorded,
                              long seed) {
        return zChains(init, settings, zObservations(data, n, seed), recorded, seed);
    }

    /** The observations those z-chains revise latents for (e.g. to show each g(z) beside its x). */
    public static INDArray zObservations(Dataset data, int n, long seed) {
        return data.subset(Math.min(n, data.size()), seed).x();
    }

    /** z-chains for the given observations (e.g. points a user clicked). */
    public ChainTrace zChains(ChainInit init, LangevinSettings settings, INDArray x, int recorded, long seed) {
        Rng rng = Rng.derive(seed, "z-chains");
        INDArray z0 = zStart(init, x, rng);
        ChainRecorder rec = ChainRecorder.firstChains(ChainKind.Z, init, (int) Math.min(recorded, x.rows()));
        new ZRevision(models.generator(), settings, cfg.sigma(), cfg.priorSigma()).run(z0, x, rng, rec);
        return rec.finish();
    }
}
