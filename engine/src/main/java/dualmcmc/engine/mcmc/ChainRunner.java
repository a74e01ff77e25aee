package dualmcmc.engine.mcmc;

import dualmcmc.engine.config.LangevinSettings;
import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.data.Dataset;
import dualmcmc.engine.model.ModelWorkers;
import dualmcmc.engine.model.ModelSet;
import dualmcmc.engine.util.Rng;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.List;

/**
 * Runs recorded chains for inspection (the CLI's {@code chains}, the app's chain views): draws the
 * starting states the way dual-MCMC or a baseline would, then records every step.
 *
 * <p>Many chains (the app animates up to a thousand 2-D chains) run in blocks of {@link #BLOCK},
 * each block with its own random stream, on up to {@code threads} threads, each thread with its
 * own copy of the models ({@link ModelWorkers}: layers keep scratch buffers). The
 * blocks are fixed by the chain count, so a seed gives the same chains on any number of threads;
 * up to one block, the chains are those of a single stream, as before blocks existed. Why: a
 * Langevin step of 1024 toy chains is two 1024x128x128 matrix products at the core's peak
 * (~1 ms) plus the activations, about 2 ms on one thread, and the second core sat idle.
 */
public final class ChainRunner {
    /** Chains per block: large enough that a block's matrix products run at full speed. */
    public static final int BLOCK = 256;

    private final ModelSet models;
    private final TrainingConfig cfg;
    private final int threads;

    /** Uses every core (chain runs pause training, so the cores are free). */
    public ChainRunner(ModelSet models, TrainingConfig cfg) {
        this(models, cfg, Runtime.getRuntime().availableProcessors());
    }

    public ChainRunner(ModelSet models, TrainingConfig cfg, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.models = models;
        this.cfg = cfg;
        this.threads = threads;
    }

    /** Starting states of n x-chains: generator samples g(z), or noise (uniform on [-1,1] for images). */
    public INDArray xStart(ChainInit init, int n, Rng rng) {
        return xStart(models, init, n, rng);
    }

    private static INDArray xStart(ModelSet models, ChainInit init, int n, Rng rng) {
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
        return zStart(models, init, x, rng);
    }

    private static INDArray zStart(ModelSet models, ChainInit init, INDArray x, Rng rng) {
        return switch (init) {
            case INFERENCE -> models.inference().infer(x).sample(rng.gaussian(x.rows(), models.latentSize()));
            case NOISE -> rng.gaussian(x.rows(), models.latentSize());
            case GENERATOR -> throw new IllegalArgumentException("z-chains start from the inference model or noise");
        };
    }

    /** n x-chains of the given settings, the first {@code recorded} of them with full states. */
    public ChainTrace xChains(ChainInit init, LangevinSettings settings, int n, int recorded, long seed) {
        return ChainTrace.concat(runBlocks(n, (m, b, start, size) -> {
            Rng rng = Rng.forBlock(seed, "x-chains", b);
            INDArray x0 = xStart(m, init, size, rng);
            ChainRecorder rec = ChainRecorder.firstChains(ChainKind.X, init, recordedIn(recorded, start, size));
            new XRevision(m.energy(), settings).run(x0, rng, rec);
            return rec.finish();
        }));
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
        return ChainTrace.concat(runBlocks((int) x.rows(), (m, b, start, size) -> {
            Rng rng = Rng.forBlock(seed, "z-chains", b);
            INDArray xb = x.get(NDArrayIndex.interval(start, start + size), NDArrayIndex.all());
            INDArray z0 = zStart(m, init, xb, rng);
            ChainRecorder rec = ChainRecorder.firstChains(ChainKind.Z, init, recordedIn(recorded, start, size));
            new ZRevision(m.generator(), settings, cfg.sigma(), cfg.priorSigma()).run(z0, xb, rng, rec);
            return rec.finish();
        }));
    }

    /** How many of a block's chains are among the first {@code recorded}. */
    private static int recordedIn(int recorded, int start, int size) {
        return Math.max(0, Math.min(recorded - start, size));
    }

    private interface BlockJob {
        ChainTrace run(ModelSet models, int block, int start, int size);
    }

    /**
     * Runs the blocks of n chains on fresh copies of the models (they change between runs) and
     * returns their traces in chain order.
     */
    private List<ChainTrace> runBlocks(int n, BlockJob job) {
        if (n < 1) {
            throw new IllegalArgumentException("need at least one chain, got " + n);
        }
        int blocks = (n + BLOCK - 1) / BLOCK;
        ChainTrace[] traces = new ChainTrace[blocks];
        try (ModelWorkers workers = new ModelWorkers(models, cfg, threads)) {
            workers.run(blocks, List.of(), (m, b) -> {
                int start = b * BLOCK;
                traces[b] = job.run(m, b, start, Math.min(BLOCK, n - start));
            });
        }
        return List.of(traces);
    }
}
