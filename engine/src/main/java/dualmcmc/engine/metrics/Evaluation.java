package dualmcmc.engine.metrics;

import dualmcmc.engine.config.LangevinSettings;
import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.config.TrainingMode;
import dualmcmc.engine.data.Dataset;
import dualmcmc.engine.data.MixtureSpec;
import dualmcmc.engine.mcmc.ChainInit;
import dualmcmc.engine.mcmc.ChainRunner;
import dualmcmc.engine.mcmc.XRevision;
import dualmcmc.engine.mcmc.ZRevision;
import dualmcmc.engine.model.Classifier;
import dualmcmc.engine.model.ModelSet;
import dualmcmc.engine.util.Rng;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The evaluations of a trained model set: the VEEGAN/PacGAN mode statistics for 2-D mixtures, and
 * for images the paper's two claims in numbers (reconstruction MSE before/after z-revision, energy
 * before/after x-revision). Work is done in chunks so memory stays bounded for thousands of samples.
 */
public final class Evaluation {
    private static final int CHUNK = 500;

    private Evaluation() {
    }

    /** Generator samples g(z) and their x-revisions T^x(g(z)), n of each, in model units. */
    public record SamplePair(INDArray generated, INDArray revised) {
    }

    /**
     * As the config's mode samples: a short-run EBM has no generator, so its chains start from
     * noise ({@code generated} holds those starts); ABP has no EBM, so nothing revises its samples.
     */
    public static SamplePair samples(ModelSet models, TrainingConfig cfg, int n, long seed) {
        Rng rng = Rng.derive(seed, "eval-samples");
        TrainingMode mode = TrainingMode.of(cfg.mode());
        XRevision revision = new XRevision(models.energy(), cfg.xChain());
        ChainRunner runner = new ChainRunner(models, cfg);
        List<INDArray> gen = new ArrayList<>();
        List<INDArray> rev = new ArrayList<>();
        for (int start = 0; start < n; start += CHUNK) {
            int m = Math.min(CHUNK, n - start);
            INDArray g = runner.xStart(mode.samplesFromNoise() ? ChainInit.NOISE : ChainInit.GENERATOR, m, rng);
            gen.add(g);
            rev.add(mode.trainsEbm() ? revision.run(g, rng, null) : g);
        }
        return new SamplePair(Nd4j.vstack(gen), Nd4j.vstack(rev));
    }

    public static Map<String, Object> mixture(ModelSet models, TrainingConfig cfg, Dataset data, int n, long seed) {
        MixtureSpec spec = data.mixture().orElseThrow(() ->
                new IllegalArgumentException(data.name() + " is not a Gaussian mixture"));
        SamplePair s = samples(models, cfg, n, seed);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dataset", data.name());
        out.put("samples", n);
        out.put("generator", stats(MixtureMetrics.evaluate(data.toDataUnits(s.generated()), spec)));
        out.put("revised", stats(MixtureMetrics.evaluate(data.toDataUnits(s.revised()), spec)));
        return out;
    }

    private static Map<String, Object> stats(ModeStats s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("modes", s.modes());
        m.put("hq", s.hq());
        m.put("kl", s.kl());
        return m;
    }

    /**
     * Per-pixel reconstruction MSE of n data points from the inference mean alone and after k_z
     * z-revision steps started there; mean energy of n generator samples before and after
     * x-revision. Modes without an inference model revise from prior noise (ABP's reconstruction);
     * figures a mode cannot have (no generator, no EBM) are NaN.
     */
    public static Map<String, Object> images(ModelSet models, TrainingConfig cfg, Dataset data, int n, long seed) {
        return imageFigures(models, cfg, data, n, seed, samples(models, cfg, n, seed));
    }

    /** {@link #images} with the generator and revised samples already drawn (their energies). */
    private static Map<String, Object> imageFigures(ModelSet models, TrainingConfig cfg, Dataset data, int n,
                                                    long seed, SamplePair s) {
        TrainingMode mode = TrainingMode.of(cfg.mode());
        INDArray x = data.subset(Math.min(n, data.size()), seed).x();
        Rng rng = Rng.derive(seed, "eval-z");
        ZRevision revision = new ZRevision(models.generator(), cfg.zChain(), cfg.sigma(), cfg.priorSigma());
        double seInference = 0;
        double seRevised = 0;
        for (int start = 0; start < x.rows(); start += CHUNK) {
            INDArray xb = x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(start,
                    Math.min(x.rows(), start + CHUNK)), org.nd4j.linalg.indexing.NDArrayIndex.all()).dup();
            INDArray z0 = mode.trainsInference() ? models.inference().infer(xb).mu()
                    : rng.gaussian(xb.rows(), models.latentSize());
            seInference += squaredError(models.generator().generate(z0), xb);
            seRevised += squaredError(models.generator().generate(revision.run(z0, xb, rng, null)), xb);
        }
        double pixels = (double) x.rows() * x.columns();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dataset", data.name());
        out.put("samples", (int) x.rows());
        out.put("mse_inference", mode.trainsInference() ? seInference / pixels : Double.NaN);
        out.put("mse_revised", mode.trainsGenerator() ? seRevised / pixels : Double.NaN);
        out.put("energy_generator", mode.trainsEbm() ? meanEnergy(models, s.generated()) : Double.NaN);
        out.put("energy_revised", mode.trainsEbm() ? meanEnergy(models, s.revised()) : Double.NaN);
        out.put("x_drift_to_noise", mode.trainsEbm() ? driftToNoise(models, cfg.xChain(), s.generated()) : Double.NaN);
        return out;
    }

    /**
     * How hard one x-step pulls against its own noise on the generator's samples: the mean over
     * samples of |(s_x^2 / 2) dE/dx| over the noise's norm n_x sqrt(pixels). Far below 1, a chain
     * of k steps moves a sample mostly by noise unless the pull keeps one direction for about
     * 1 / ratio^2 steps (docs/recipes.md, images); NaN without noise.
     */
    public static double driftToNoise(ModelSet models, LangevinSettings x, INDArray samples) {
        if (!(x.noise() > 0)) {
            return Double.NaN;
        }
        INDArray gradient = models.energy().energyGradient(samples, Nd4j.create(samples.dataType(), samples.size(0)));
        double drift = 0.5 * x.stepSize() * x.stepSize() * gradient.norm2(1).meanNumber().doubleValue();
        return drift / (x.noise() * Math.sqrt(samples.size(1)));
    }

    /**
     * Frechet distances in the classifier's feature space between n data samples and n generator
     * samples, and n revised samples (the paper's FID in miniature); {@code fd_data} is the distance
     * between two disjoint halves of the data, the floor that sampling noise alone gives.
     */
    public static Map<String, Object> frechet(ModelSet models, TrainingConfig cfg, Dataset data, Classifier classifier,
                                              int n, long seed) {
        return frechet(models, cfg, data, classifier, n, seed, 0).figures();
    }

    /** Frechet figures, and for each FD to the data its bootstrap replicates over samples (none if 0). */
    public record FrechetFigures(Map<String, Object> figures, Map<String, double[]> replicates) {
    }

    /**
     * {@link #frechet} with {@code replicates} bootstrap replicates of {@code fd_generator} and
     * {@code fd_revised} ({@link Bootstrap#frechet}), from the same features as the figures.
     */
    public static FrechetFigures frechet(ModelSet models, TrainingConfig cfg, Dataset data, Classifier classifier,
                                         int n, long seed, int replicates) {
        if (!classifier.shape().equals(data.shape())) {
            throw new IllegalArgumentException("the classifier was trained on " + classifier.shape()
                    + " samples, the data are " + data.shape());
        }
        int m = Math.min(n, data.size());
        INDArray real = featuresOf(classifier, data.subset(m, seed).x());
        SamplePair s = samples(models, cfg, m, seed);
        INDArray generated = featuresOf(classifier, s.generated());
        INDArray revised = featuresOf(classifier, s.revised());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dataset", data.name());
        out.put("samples", m);
        out.put("fd_generator", FrechetDistance.between(real, generated));
        out.put("fd_revised", FrechetDistance.between(real, revised));
        if (data.size() >= 2 * m) {
            List<Dataset> halves = data.subset(2 * m, seed + 1).split(m, seed + 2);
            out.put("fd_data", FrechetDistance.between(featuresOf(classifier, halves.get(0).x()),
                    featuresOf(classifier, halves.get(1).x())));
        }
        Map<String, double[]> reps = new LinkedHashMap<>();
        if (replicates > 0) {
            reps.put("fd_generator", Bootstrap.frechet(real, generated, replicates, Rng.mix(seed, "fd_generator")));
            reps.put("fd_revised", Bootstrap.frechet(real, revised, replicates, Rng.mix(seed, "fd_revised")));
        }
        return new FrechetFigures(out, reps);
    }

    private static INDArray featuresOf(Classifier c, INDArray x) {
        List<INDArray> parts = new ArrayList<>();
        for (int start = 0; start < x.rows(); start += CHUNK) {
            parts.add(c.features(x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(start,
                    Math.min(x.rows(), start + CHUNK)), org.nd4j.linalg.indexing.NDArrayIndex.all()).dup()));
        }
        return Nd4j.vstack(parts);
    }

    private static double meanEnergy(ModelSet models, INDArray x) {
        return models.energy().energy(x).meanNumber().doubleValue();
    }

    private static double squaredError(INDArray a, INDArray b) {
        INDArray d = a.sub(b);
        return d.mul(d).sumNumber().doubleValue();
    }

    /**
     * 2-D data without modes: how close generator and revised samples lie to the data and how much
     * of it they reach ({@link CloudDistance}, data units), the same for two disjoint halves of the
     * data (the floor), then the reconstruction and energy figures of {@link #images}.
     */
    public static Map<String, Object> cloud(ModelSet models, TrainingConfig cfg, Dataset data, int n, long seed) {
        if (data.shape().isImage()) {
            throw new IllegalArgumentException(data.name() + " is an image set, not 2-D points");
        }
        int m = Math.min(n, data.size() / 2);
        SamplePair s = samples(models, cfg, m, seed);
        List<Dataset> halves = data.subset(2 * m, seed + 1).split(m, seed + 2);
        float[][] real = points(data, halves.get(0).x());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dataset", data.name());
        out.put("samples", m);
        out.put("generator", distances(CloudDistance.between(points(data, s.generated()), real)));
        out.put("revised", distances(CloudDistance.between(points(data, s.revised()), real)));
        out.put("data", distances(CloudDistance.between(points(data, halves.get(1).x()), real)));
        Map<String, Object> rest = imageFigures(models, cfg, data, n, seed, s);
        rest.remove("dataset");
        rest.remove("samples");
        out.putAll(rest);
        return out;
    }

    private static float[][] points(Dataset data, INDArray modelUnits) {
        return data.toDataUnits(modelUnits).toFloatMatrix();
    }

    private static Map<String, Object> distances(CloudDistance d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("to_data", d.toData());
        m.put("from_data", d.fromData());
        return m;
    }

    /**
     * The evaluation that fits the data set: mode statistics for mixtures, distances to the data
     * for other 2-D sets, MSE and energies for images.
     */
    public static Map<String, Object> evaluate(ModelSet models, TrainingConfig cfg, Dataset data, int n, long seed) {
        if (data.mixture().isPresent()) {
            return mixture(models, cfg, data, n, seed);
        }
        return data.shape().isImage() ? images(models, cfg, data, n, seed) : cloud(models, cfg, data, n, seed);
    }
}
