package dualmcmc.engine.train;

import dualmcmc.engine.progress.IterationStats;
import dualmcmc.engine.progress.TrainingHistory;

import dualmcmc.engine.config.Optimiser;
import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.config.TrainingMode;
import dualmcmc.engine.data.BatchSampler;
import dualmcmc.engine.data.Dataset;
import dualmcmc.engine.mcmc.ChainInit;
import dualmcmc.engine.mcmc.ChainRunner;
import dualmcmc.engine.mcmc.XRevision;
import dualmcmc.engine.mcmc.ZRevision;
import dualmcmc.engine.model.ModelCopies;
import dualmcmc.engine.model.ModelKind;
import dualmcmc.engine.model.ModelSet;
import dualmcmc.engine.model.ModelWorkers;
import dualmcmc.engine.nn.Adam;
import dualmcmc.engine.nn.Network;
import dualmcmc.engine.nn.Parameter;
import dualmcmc.engine.util.Rng;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.List;

/**
 * Dual-MCMC teaching (Cui and Han 2023), one iteration = the three updates of docs/method.md in
 * the public code's order: generator, inference model, EBM. The config's {@code mode} selects the
 * method or one of the baselines it is compared with ({@link TrainingMode}); the losses of models a
 * mode does not train are reported as NaN.
 *
 * <p>Each batch is split into blocks ({@link BatchBlocks}) that run on any of the trainer's
 * threads: block k draws all its randomness from its own stream ("train", block k) re-keyed with
 * the iteration t, the blocks' gradients and losses are summed in block order, and the optimisers
 * step once on the trainer's models. So the numbers depend only on (seed, t), not on the number
 * of threads, and a resumed run continues exactly.
 */
public final class DualMcmcTrainer implements Trainer {
    private final ModelSet models;
    private final Dataset data;
    private final TrainingConfig cfg;
    private final BatchSampler batches;
    private final BatchBlocks blocks;
    /** Per block: its random stream, re-keyed with the iteration. */
    private final Rng[] streams;
    private final ModelWorkers workers;
    private final BlockGradients gradE;
    private final BlockGradients gradG;
    private final BlockGradients gradI;
    private final Adam optE;
    private final Adam optG;
    private final Adam optI;
    private final StateSnapshot lastGood;
    private final long seed;
    private final TrainingMode mode;
    private long iteration;
    /** The curves so far; shared with a trainer that continues this one, saved with checkpoints. */
    private TrainingHistory history = new TrainingHistory();

    /** Trains on every core. */
    public DualMcmcTrainer(ModelSet models, Dataset data, TrainingConfig cfg, long seed) {
        this(models, data, cfg, seed, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Trains on up to {@code threads} threads: the blocks of each batch ({@link BatchBlocks}) run
     * in parallel, each thread on its own copy of the models. The numbers do not depend on
     * {@code threads}.
     */
    public DualMcmcTrainer(ModelSet models, Dataset data, TrainingConfig cfg, long seed, int threads) {
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
        this.blocks = BatchBlocks.of(models, cfg.batch());
        this.streams = new Rng[blocks.count()];
        for (int k = 0; k < streams.length; k++) {
            streams[k] = Rng.forBlock(seed, "train", k);
        }
        this.workers = new ModelWorkers(models, cfg, threads);
        this.gradE = new BlockGradients(models.energy().network(), blocks.count());
        this.gradG = new BlockGradients(models.generator().network(), blocks.count());
        this.gradI = new BlockGradients(models.inference().network(), blocks.count());
        Optimiser o = cfg.optimiser();
        this.optE = new Adam(models.energy().network(), o.lrE(), o.beta1(), o.beta2(), 0.0);
        this.optG = new Adam(models.generator().network(), o.lrG(), o.beta1(), o.beta2(), o.decayG());
        this.optI = new Adam(models.inference().network(), o.lrI(), o.beta1(), o.beta2(), o.decayI());
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
        return continued(next, workers.threads());
    }

    /** A trainer that continues this one exactly where it is, on up to {@code threads} threads. */
    public DualMcmcTrainer withThreads(int threads) {
        return continued(cfg, threads);
    }

    private DualMcmcTrainer continued(TrainingConfig next, int threads) {
        DualMcmcTrainer t = new DualMcmcTrainer(models, data, next, seed, threads);
        t.takeOver(this);
        t.history = history;
        return t;
    }

    /**
     * A trainer of its own on a deep copy of the models, their optimiser state, batch position,
     * iteration and history, so that its steps never reach this trainer's models. Under this
     * trainer's seed its next step is exactly this trainer's next step; another seed draws another
     * batch and other noise from the same state.
     */
    public DualMcmcTrainer copy(long drawSeed) {
        DualMcmcTrainer t = new DualMcmcTrainer(ModelCopies.of(models, cfg), data, cfg, drawSeed, workers.threads());
        t.takeOver(this);
        t.history = history.copy();
        return t;
    }

    /** Continues {@code from} exactly: Adam moments and step counts, batch position, iteration. */
    private void takeOver(DualMcmcTrainer from) {
        for (int i = 0; i < 3; i++) {
            Adam src = from.optimisers().get(i);
            Adam dst = optimisers().get(i);
            for (int j = 0; j < src.moments().size(); j++) {
                dst.moments().get(j).assign(src.moments().get(j));
            }
            dst.setSteps(src.steps());
        }
        batches.setPosition(from.batches.position());
        iteration = from.iteration;
    }

    public long seed() {
        return seed;
    }

    /** The most threads this trainer uses. */
    public int threads() {
        return workers.threads();
    }

    /** The threads an iteration keeps busy: fewer than {@link #threads} when a batch has fewer blocks. */
    public int threadsInUse() {
        return workers.threadsFor(blocks.count());
    }

    public List<Adam> optimisers() {
        return List.of(optE, optG, optI);
    }

    /** The iterations trained so far (thinned), as loaded from a checkpoint and added to by each step. */
    public TrainingHistory history() {
        return history;
    }

    /** Replaces the history (a checkpoint's, read back). */
    public void setHistory(TrainingHistory h) {
        this.history = h.copy();
    }

    public BatchSampler batches() {
        return batches;
    }

    @Override
    public IterationStats step() {
        return iterate(null).stats();
    }

    /**
     * One iteration as {@link #step} makes it, with {@code skipped}'s optimiser step left out (null:
     * none), and what each stage computed. Meant for a {@link #copy}: it changes the models.
     */
    public StagedStep stagedStep(ModelKind skipped) {
        Iterated it = iterate(skipped);
        Block[] w = it.work();
        return new StagedStep(it.stats(), skipped, rows(w, b -> b.x), rows(w, b -> b.z), rows(w, b -> b.samples),
                rows(w, b -> b.zIn), rows(w, b -> b.zRev), rows(w, b -> b.samplesRev), rows(w, b -> b.fake));
    }

    /** An iteration's figures and its blocks, which hold what each stage computed. */
    private record Iterated(IterationStats stats, Block[] work) {
    }

    /** The blocks' rows of one array, in block order; null where the mode computed none. */
    private static INDArray rows(Block[] work, java.util.function.Function<Block, INDArray> part) {
        INDArray[] all = new INDArray[work.length];
        for (int k = 0; k < work.length; k++) {
            all[k] = part.apply(work[k]);
            if (all[k] == null) {
                return null;
            }
        }
        return all.length == 1 ? all[0].dup() : Nd4j.vstack(all);
    }

    private Iterated iterate(ModelKind skipped) {
        long start = System.nanoTime();
        lastGood.capture();
        long[] optimiserSteps = {optE.steps(), optG.steps(), optI.steps()};
        long batchPosition = batches.position();
        int epoch = batches.epoch();
        Optimiser o = cfg.optimiser();
        optE.setLearningRate(o.lrEAt(iteration, epoch));
        optG.setLearningRate(o.lrGAt(epoch));
        optI.setLearningRate(o.lrIAt(epoch));
        for (Rng stream : streams) {
            stream.reseed(iteration);
        }
        INDArray x = data.batch(batches.next(blocks.batch()));
        Block[] work = new Block[blocks.count()];
        for (int k = 0; k < work.length; k++) {
            work[k] = new Block(blocks.rows(x, k), streams[k]);
        }
        double b = blocks.batch();
        double errG = Double.NaN;
        double errI = Double.NaN;
        double errE = Double.NaN;
        double eData = Double.NaN;
        double eFake = Double.NaN;

        // 1. and 2. generator and inference model: both losses need only the models as the
        // iteration found them (the inference model's does not involve the generator), so one
        // round of blocks computes both
        workers.run(work.length, models.networks(), (m, k) -> teach(m, k, work[k]));
        if (mode.trainsGenerator()) {
            gradG.sumIntoNetwork();
            if (skipped != ModelKind.GENERATOR) {
                optG.step();
            }
            errG = sum(work, w -> w.reconstructionData) / b
                    + cfg.losses().sFactor() * sum(work, w -> w.reconstructionSamples) / b;
        }
        if (mode.trainsInference()) {
            gradI.sumIntoNetwork();
            if (skipped != ModelKind.INFERENCE) {
                optI.step();
            }
            errI = sum(work, w -> w.nllData) / b + cfg.losses().iFactor() * sum(work, w -> w.nllSamples) / b;
        }

        // 3. EBM: data down, revised samples of the updated generator (or of noise) up, at temperature (n/s)^2
        if (mode.trainsEbm()) {
            workers.run(work.length, List.of(models.generator().network()), (m, k) -> contrast(m, k, work[k]));
            eData = sum(work, w -> w.energyData) / b;
            eFake = sum(work, w -> w.energyFake) / b;
            errE = (eData - eFake) / temperature();
        }

        String problem = problem(errE, errG, errI, eData, eFake);
        if (problem != null) {
            rollBack(optimiserSteps);
            batches.setPosition(batchPosition);
            throw new DivergenceException(iteration + 1, problem);
        }
        if (mode.trainsEbm() && skipped != ModelKind.EBM) {
            gradE.sumIntoNetwork();
            optE.step();
        }
        iteration++;
        IterationStats stats = new IterationStats(iteration, epoch, errE, errG, errI, eData, eFake,
                (System.nanoTime() - start) / 1e9);
        history.add(stats);
        return new Iterated(stats, work);
    }

    /** One block's share of an iteration: its samples, its random stream and what it computed. */
    private static final class Block {
        final INDArray x;
        final Rng rng;
        INDArray z;
        INDArray samples;
        INDArray zIn;
        INDArray zRev;
        INDArray samplesRev;
        INDArray fake;
        double reconstructionData;
        double reconstructionSamples;
        double nllData;
        double nllSamples;
        double energyData;
        double energyFake;

        Block(INDArray x, Rng rng) {
            this.x = x;
            this.rng = rng;
        }
    }

    /**
     * Steps 1 and 2 for one block on models {@code m} (the trainer's or a copy): z, both revisions
     * and the generator's and inference model's gradients, each term weighted by 1/batch so that
     * the blocks' gradients add up to the batch's. The draws come in the order the single-stream
     * trainer made them.
     */
    private void teach(ModelSet m, int k, Block w) {
        int n = (int) w.x.rows();
        double b = blocks.batch();
        w.z = w.rng.gaussian(n, m.latentSize());
        if (!mode.trainsGenerator()) {
            return;
        }
        w.samples = m.generator().generate(w.z);
        if (mode.generatorLearnsData()) {
            w.zIn = mode.latentsFromNoise() ? w.rng.gaussian(n, m.latentSize())
                    : m.inference().infer(w.x).sample(w.rng.gaussian(n, m.latentSize()));
            w.zRev = mode.revisesZ()
                    ? new ZRevision(m.generator(), cfg.zChain(), cfg.sigma(), cfg.priorSigma()).run(w.zIn, w.x, w.rng, null)
                    : w.zIn;
        }
        if (mode.ebmTeachesGenerator()) {
            w.samplesRev = new XRevision(m.energy(), cfg.xChain()).run(w.samples, w.rng, null);
        }
        m.generator().network().zeroGrad();
        if (w.zRev != null) {
            w.reconstructionData = m.generator().accumulateReconstruction(w.zRev, w.x, 1.0 / b);
        }
        if (w.samplesRev != null) {
            w.reconstructionSamples = m.generator().accumulateReconstruction(w.z, w.samplesRev,
                    cfg.losses().sFactor() / b);
        }
        gradG.keep(k, m.generator().network());
        if (mode.trainsInference()) {
            m.inference().network().zeroGrad();
            w.nllData = m.inference().accumulateNll(w.x, w.zRev, 1.0 / b);
            w.nllSamples = m.inference().accumulateNll(w.samplesRev, w.z, cfg.losses().iFactor() / b);
            gradI.keep(k, m.inference().network());
        }
    }

    /**
     * Step 3 for one block: the samples the EBM is contrasted with, and its gradient. With
     * x_restart, the block's first chains start from noise: an EBM that has gone flat along a
     * direction keeps seeing samples spread wider than the data along it (docs/recipes.md).
     */
    private void contrast(ModelSet m, int k, Block w) {
        int n = (int) w.x.rows();
        XRevision xRevision = new XRevision(m.energy(), cfg.xChain());
        INDArray fake;
        if (mode.samplesFromNoise()) {
            fake = xRevision.run(noise(m, n, w.rng), w.rng, null);
        } else {
            fake = m.generator().generate(w.z);
            int restarted = cfg.losses().restartedOf(n);
            if (restarted > 0) {
                // drawn only when asked for, so that x_restart 0 leaves every other draw where it was
                fake.get(NDArrayIndex.interval(0, restarted), NDArrayIndex.all())
                        .assign(noise(m, restarted, w.rng));
            }
            if (cfg.losses().fineTune()) {
                fake = xRevision.run(fake, w.rng, null);
            }
        }
        double weight = 1.0 / (blocks.batch() * temperature());
        double squareWeight = cfg.losses().energyReg() * weight;
        m.energy().network().zeroGrad();
        w.energyData = m.energy().accumulate(w.x, weight, squareWeight);
        w.energyFake = m.energy().accumulate(fake, -weight, squareWeight);
        w.fake = fake;
        gradE.keep(k, m.energy().network());
    }

    /** Starting points of n x-chains from noise, as the short-run EBM and x_restart's chains start. */
    private INDArray noise(ModelSet m, int n, Rng rng) {
        return new ChainRunner(m, cfg, 1).xStart(ChainInit.NOISE, n, rng);
    }

    private double temperature() {
        return temperature(cfg);
    }

    /** The Langevin temperature's scale (n_x / s_x)^2 that L_E is divided by. */
    public static double temperature(TrainingConfig cfg) {
        return Math.pow(cfg.xChain().noise() / cfg.xChain().stepSize(), 2);
    }

    /** A per-block figure summed in block order, so that it does not depend on the threads. */
    private static double sum(Block[] work, java.util.function.ToDoubleFunction<Block> figure) {
        double total = 0;
        for (Block w : work) {
            total += figure.applyAsDouble(w);
        }
        return total;
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
        double bound = cfg.losses().divergenceBound();
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
