package dualmcmc.engine.session;

import dualmcmc.engine.config.LangevinSettings;
import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.data.Dataset;
import dualmcmc.engine.mcmc.ChainInit;
import dualmcmc.engine.mcmc.ChainRunner;
import dualmcmc.engine.mcmc.ChainTrace;
import dualmcmc.engine.mcmc.ZRevision;
import dualmcmc.engine.metrics.Evaluation;
import dualmcmc.engine.model.ModelKind;
import dualmcmc.engine.model.Posterior;
import dualmcmc.engine.progress.TrainingHistory;
import dualmcmc.engine.train.DualMcmcTrainer;
import dualmcmc.engine.tsne.LatentCodes;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Everything a view may ask of the models of one iteration, with plain arrays and records in and
 * out. An instance is handed to work that {@link Explorer#query} runs between two training
 * iterations, and is valid only inside it: the models it reads go on training afterwards.
 */
public final class ModelQueries {
    private final DualMcmcTrainer trainer;

    ModelQueries(DualMcmcTrainer trainer) {
        this.trainer = trainer;
    }

    /** Iterations the models have been trained for. */
    public long iteration() {
        return trainer.iteration();
    }

    /** The config the models train under now. */
    public TrainingConfig config() {
        return trainer.config();
    }

    public int latentSize() {
        return trainer.models().latentSize();
    }

    /** A copy of the training curves, the opened file's and this run's. */
    public TrainingHistory history() {
        return trainer.history().copy();
    }

    /**
     * n EBM-guided chains x_0 -> x_k under {@code settings}, started as {@code init} says, the
     * first {@code recorded} with every state; seeded, so the same request gives the same chains.
     */
    public ChainTrace xChains(ChainInit init, LangevinSettings settings, int n, int recorded, long seed) {
        return runner().xChains(init, settings, n, recorded, seed);
    }

    /** Generator-guided chains on z for the observations {@code x} (rows), the first {@code recorded} recorded. */
    public ChainTrace zChains(ChainInit init, LangevinSettings settings, float[][] x, int recorded, long seed) {
        return runner().zChains(init, settings, Plain.matrix(x), recorded, seed);
    }

    /** n observations of a seeded subset of the data set, as the z-chains of a comparison revise them. */
    public float[][] observations(int n, long seed) {
        return Plain.rows(ChainRunner.zObservations(trainer.data(), n, seed));
    }

    /** E(x) on an n x n grid over bounds {xmin, xmax, ymin, ymax} (model units), [row = y][col = x]. */
    public double[][] energyGrid(double[] bounds, int n) {
        return Plain.square(trainer.models().energy().energy(Plain.grid(bounds, n)), n);
    }

    /**
     * The function the z-chains descend for observation {@code x} ({@link ZRevision#targetEnergy}
     * under the current config), on an n x n grid over the plane of a 2-D latent.
     */
    public double[][] posteriorEnergyGrid(float[] x, double[] bounds, int n) {
        INDArray z = Plain.grid(bounds, n);
        INDArray target = Plain.matrix(new float[][]{x}).castTo(z.dataType());
        TrainingConfig cfg = trainer.config();
        ZRevision revision = new ZRevision(trainer.models().generator(), cfg.zChain(), cfg.sigma(), cfg.priorSigma());
        return Plain.square(revision.targetEnergy(z, target), n);
    }

    /** The inference model's q(z | x) for each row of {@code x}. */
    public LatentPosterior posterior(float[][] x) {
        Posterior p = trainer.models().inference().infer(Plain.matrix(x));
        double[][] mu = Plain.points(p.mu());
        double[][] sd = Plain.points(p.logvar());
        for (double[] row : sd) {
            for (int j = 0; j < row.length; j++) {
                row[j] = Math.exp(row[j] / 2);
            }
        }
        return new LatentPosterior(mu, sd);
    }

    /** n generator samples and their x-revisions under the current config, seeded. */
    public SamplePair samples(int n, long seed) {
        Evaluation.SamplePair pair = Evaluation.samples(trainer.models(), trainer.config(), n, seed);
        return new SamplePair(Plain.rows(pair.generated()), Plain.rows(pair.revised()));
    }

    /**
     * Latent codes of a seeded subset of at most {@code maxPoints} data points: means, revised
     * latents (the current z-chain from the means), labels and, for images, reconstructions.
     */
    public LatentSample latentCodes(int maxPoints, long seed) {
        Dataset data = trainer.data();
        var shape = data.shape();
        Dataset sub = data.subset(Math.min(data.size(), maxPoints), seed);
        LatentCodes.Computed c = LatentCodes.compute(trainer.models(), trainer.config(), sub.x(), shape.isImage(),
                seed);
        int[] labels = sub.hasLabels() ? sub.labels().clone() : filled(sub.size(), -1);
        return new LatentSample(Plain.points(c.mu()), Plain.points(c.revised()), labels,
                sub.hasLabels() ? sub.classNames() : java.util.List.of(), Plain.rows(sub.x()),
                c.reconstruction() == null ? null : Plain.rows(c.reconstruction()), shape.isImage(),
                shape.channels(), shape.height(), shape.width(), trainer.iteration(), trainer.config().zChain().steps());
    }

    /**
     * One training iteration stage by stage ({@link StagedIteration}), on a copy of the models and
     * their optimisers: the current models stay as they are. Draw 0 is exactly the iteration
     * training makes next; other draws take another batch and other noise from the same state.
     * {@code skipped} (or null) is the model whose update is left out; for 2-D data the energy is
     * drawn before and after on an n x n grid over {@code bounds}.
     */
    public StagedIteration stagedIteration(ModelKind skipped, int draw, double[] bounds, int n) {
        return StagedIterations.run(trainer, skipped, draw, bounds, n);
    }

    private ChainRunner runner() {
        return new ChainRunner(trainer.models(), trainer.config());
    }

    private static int[] filled(int n, int v) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    /** The models themselves, for engine code in this package (saving). */
    DualMcmcTrainer trainer() {
        return trainer;
    }
}
