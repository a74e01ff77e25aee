package dualmcmc.engine.train;

import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.config.TrainingMode;
import dualmcmc.engine.data.BatchSampler;
import dualmcmc.engine.data.Dataset;
import dualmcmc.engine.mcmc.ChainInit;
import dualmcmc.engine.mcmc.ChainRunner;
import dualmcmc.engine.mcmc.XRevision;
import dualmcmc.engine.mcmc.ZRevision;
import dualmcmc.engine.model.ModelSet;
import dualmcmc.engine.nn.Adam;
import dualmcmc.engine.nn.Network;
import dualmcmc.engine.nn.Parameter;
import dualmcmc.engine.util.Rng;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;

/**
 * Dual-MCMC teaching (Cui and Han 2023), one iteration = the three updates of docs/method.md in
 * the public code's order: generator, inference model, EBM. The config's {@code mode} selects the
 * method or one of the baselines it is compared with ({@link TrainingMode}); the losses of models a
 * mode does not train are reported as NaN.
 *
 * <p>All randomness of iteration t comes from the stream "train" re-keyed with t, so the numbers
 * depend only on (seed, t) and a resumed run continues exactly.
 */
public final class DualMcmcTrainer implements Trainer {
    private final ModelSet models;
    private final Dataset data;
    private final TrainingConfig cfg;
    private final BatchSampler batches;
    private final Rng rng;
    private final Adam optE;
    private final Adam optG;
    private final Adam optI;
    private final StateSnapshot lastGood;
    private final long seed;
    private final TrainingMode mode;
    private long iteration;

    public DualMcmcTrainer(ModelSet models, Dataset data, TrainingConfig cfg, long seed) {
        if (data.shape().size() != models.shape().size()) {
            throw new IllegalArgumentException("models expect samples of shape " + models.shape()
                    + ", data set " + data.name() + " has " + data.shape());
        }
        this.models = models;
        this.data = data;
        this.cfg = cfg;
        this.seed = seed;
        this.mode = TrainingMode.of(cfg.mode());
        this.batches = new BatchSampler(data.size(), Rng.derive(seed, "batches").seed());
        this.rng = Rng.derive(seed, "train");
        double b1 = cfg.doubleValue("beta1");
        double b2 = cfg.doubleValue("beta2");
        this.optE = new Adam(models.energy().network(), cfg.doubleValue("lr_e"), b1, b2, 0.0);
        this.optG = new Adam(models.generator().network(), cfg.doubleValue("lr_g"), b1, b2,
                cfg.doubleValue("decay_g"));
        this.optI = new Adam(models.inference().network(), cfg.doubleValue("lr_i"), b1, b2,
                cfg.doubleValue("decay_i"));
        this.lastGood = new StateSnapshot(stateArrays());
    }

    /** Parameters, layer state and optimiser moments of the three models, in a fixed order. */
    List<INDArray> stateArrays() {
        List<INDArray> all = new ArrayList<>();
        for (Network n : models.networks()) {
            for (Parameter p : n.parameters()) {
                all.add(p.value());
            }
            all.addAll(n.state().values());
        }
        for (Adam a : optimisers()) {
            all.addAll(a.moments());
        }
        return all;
    }

    /**
     * A trainer with new settings over the same models that continues this one exactly where it
     * is: Adam moments and step counts, batch position and iteration. Network settings (arch,
     * width, nz, spectral_norm) cannot change under existing models.
     */
    public DualMcmcTrainer withConfig(TrainingConfig next) {
        for (String key : List.of("arch", "width", "nz", "spectral_norm")) {
            if (!cfg.get(key).equals(next.get(key))) {
                throw new IllegalArgumentException(key + " changes the networks; it applies to new models only");
            }
        }
        DualMcmcTrainer t = new DualMcmcTrainer(models, data, next, seed);
        for (int i = 0; i < 3; i++) {
            Adam from = optimisers().get(i);
            Adam to = t.optimisers().get(i);
            for (int j = 0; j < from.moments().size(); j++) {
                to.moments().get(j).assign(from.moments().get(j));
            }
            to.setSteps(from.steps());
        }
        t.batches.setPosition(batches.position());
        t.iteration = iteration;
        return t;
    }

    public long seed() {
        return seed;
    }

    public List<Adam> optimisers() {
        return List.of(optE, optG, optI);
    }

    public BatchSampler batches() {
        return batches;
    }

    @Override
    public IterationStats step() {
        long start = System.nanoTime();
        lastGood.capture();
        long[] optimiserSteps = {optE.steps(), optG.steps(), optI.steps()};
        long batchPosition = batches.position();
        int epoch = batches.epoch();
        double decay = Math.pow(cfg.doubleValue("lr_decay"), epoch);
        optE.setLearningRate(cfg.doubleValue("lr_e") * decay);
        optG.setLearningRate(cfg.doubleValue("lr_g") * decay);
        optI.setLearningRate(cfg.doubleValue("lr_i") * decay);
        rng.reseed(iteration);

        int b = cfg.batch();
        INDArray x = data.batch(batches.next(b));
        INDArray z = rng.gaussian(b, models.latentSize());
        XRevision xRevision = new XRevision(models.energy(), cfg.xChain());
        ZRevision zRevision = new ZRevision(models.generator(), cfg.zChain(), cfg.sigma(), cfg.priorSigma());
        double errG = Double.NaN;
        double errI = Double.NaN;
        double errE = Double.NaN;
        double eData = Double.NaN;
        double eFake = Double.NaN;

        // 1. generator: learns from the z-revised latents of data and the x-revised samples
        INDArray zRev = null;
        INDArray samplesRev = null;
        if (mode.trainsGenerator()) {
            INDArray samples = models.generator().generate(z);
            if (mode.generatorLearnsData()) {
                INDArray zIn = mode.latentsFromNoise() ? rng.gaussian(b, models.latentSize())
                        : models.inference().infer(x).sample(rng.gaussian(b, models.latentSize()));
                zRev = mode.revisesZ() ? zRevision.run(zIn, x, rng, null) : zIn;
            }
            if (mode.ebmTeachesGenerator()) {
                samplesRev = xRevision.run(samples, rng, null);
            }
            models.generator().network().zeroGrad();
            double sFactor = cfg.doubleValue("s_factor");
            errG = (zRev == null ? 0 : models.generator().accumulateReconstruction(zRev, x, 1.0 / b) / b)
                    + (samplesRev == null ? 0
                    : sFactor * models.generator().accumulateReconstruction(z, samplesRev, sFactor / b) / b);
            optG.step();
        }

        // 2. inference model: matches the revised latents, on data and on revised samples
        if (mode.trainsInference()) {
            double iFactor = cfg.doubleValue("i_factor");
            models.inference().network().zeroGrad();
            errI = models.inference().accumulateNll(x, zRev, 1.0 / b) / b
                    + iFactor * models.inference().accumulateNll(samplesRev, z, iFactor / b) / b;
            optI.step();
        }

        // 3. EBM: data down, revised samples of the updated generator (or of noise) up, at temperature (n/s)^2
        if (mode.trainsEbm()) {
            INDArray fake;
            if (mode.samplesFromNoise()) {
                fake = xRevision.run(new ChainRunner(models, cfg).xStart(ChainInit.NOISE, b, rng), rng, null);
            } else {
                fake = models.generator().generate(z);
                if (cfg.flag("fine_tune")) {
                    fake = xRevision.run(fake, rng, null);
                }
            }
            double temperature = Math.pow(cfg.doubleValue("x_noise") / cfg.doubleValue("x_step"), 2);
            models.energy().network().zeroGrad();
            eData = models.energy().accumulate(x, 1.0 / (b * temperature));
            eFake = models.energy().accumulate(fake, -1.0 / (b * temperature));
            errE = (eData - eFake) / temperature;
        }

        String problem = problem(errE, errG, errI, eData, eFake);
        if (problem != null) {
            rollBack(optimiserSteps);
            batches.setPosition(batchPosition);
            throw new DivergenceException(iteration + 1, problem);
        }
        if (mode.trainsEbm()) {
            optE.step();
        }
        iteration++;
        return new IterationStats(iteration, epoch, errE, errG, errI, eData, eFake,
                (System.nanoTime() - start) / 1e9);
    }

    /** Why this iteration diverged, or null; the losses of models the mode does not train are NaN by design. */
    private String problem(double errE, double errG, double errI, double eData, double eFake) {
        if (mode.trainsEbm() && !Double.isFinite(errE) || mode.trainsGenerator() && !Double.isFinite(errG)
                || mode.trainsInference() && !Double.isFinite(errI)) {
            return "a loss is not finite (errE " + errE + ", errG " + errG + ", errI " + errI + ")";
        }
        if (!mode.trainsEbm()) {
            return null;
        }
        double gap = Math.abs(eData - eFake);
        double bound = cfg.doubleValue("divergence_bound");
        if (gap > bound) {
            return String.format("|E(data) - E(samples)| = %.3g exceeds the bound %.3g", gap, bound);
        }
        return null;
    }

    private void rollBack(long[] optimiserSteps) {
        lastGood.restore();
        List<Adam> opts = optimisers();
        for (int i = 0; i < opts.size(); i++) {
            opts.get(i).setSteps(optimiserSteps[i]);
        }
        for (Network n : models.networks()) {
            n.parametersChanged(false);
        }
    }

    @Override
    public long iteration() {
        return iteration;
    }

    /** Sets the iteration counter (resume from a checkpoint). */
    public void setIteration(long iteration) {
        this.iteration = iteration;
    }

    @Override
    public ModelSet models() {
        return models;
    }

    @Override
    public TrainingConfig config() {
        return cfg;
    }

    public Dataset data() {
        return data;
    }
}
