package dualmcmc.engine.tsne;

import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.data.Dataset;
import dualmcmc.engine.mcmc.ZRevision;
import dualmcmc.engine.model.ModelSet;
import dualmcmc.engine.util.Rng;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.List;

/**
 * The inference model's latent means mu_phi(x) of data points, and what the latent map also
 * shows of them: the latents after the z-revision from those means, and g(mu_phi(x)).
 */
public final class LatentCodes {
    /** Rows per pass: bounds the memory of a pass over thousands of images. */
    private static final int CHUNK = 500;

    private LatentCodes() {
    }

    /** mu(x), and on request revised z (null otherwise) and reconstructions g(mu) (null otherwise). */
    public record Computed(INDArray mu, INDArray revised, INDArray reconstruction) {
    }

    /** The codes of a seeded subset of n points of {@code data}, labelled by class name, for t-SNE. */
    public static EmbeddingInput of(ModelSet models, Dataset data, int n, long seed) {
        if (n < 2) {
            throw new IllegalArgumentException("need at least 2 points, got " + n);
        }
        Dataset subset = data.subset(Math.min(n, data.size()), seed);
        double[][] codes = compute(models, null, subset.x(), false, seed).mu().toDoubleMatrix();
        String[] labels = null;
        if (subset.hasLabels()) {
            int[] ids = subset.labels();
            List<String> names = subset.classNames();
            labels = new String[ids.length];
            for (int i = 0; i < ids.length; i++) {
                labels[i] = names.isEmpty() ? Integer.toString(ids[i]) : names.get(ids[i]);
            }
        }
        return new EmbeddingInput(codes, labels);
    }

    /**
     * Codes of every row of {@code x}. With a config, also the latents after its z-chain from mu
     * (the same revision training runs, seeded by {@code seed}); with {@code reconstruct}, g(mu).
     */
    public static Computed compute(ModelSet models, TrainingConfig revise, INDArray x, boolean reconstruct,
                                   long seed) {
        List<INDArray> mus = new ArrayList<>();
        List<INDArray> revs = new ArrayList<>();
        List<INDArray> recs = new ArrayList<>();
        ZRevision zr = revise == null ? null
                : new ZRevision(models.generator(), revise.zChain(), revise.sigma(), revise.priorSigma());
        Rng rng = Rng.derive(seed, "latent");
        for (long start = 0; start < x.rows(); start += CHUNK) {
            long end = Math.min(x.rows(), start + CHUNK);
            INDArray xb = x.get(NDArrayIndex.interval(start, end), NDArrayIndex.all());
            INDArray mu = models.inference().infer(xb).mu();
            mus.add(mu);
            if (zr != null) {
                revs.add(zr.run(mu, xb, rng, null));
            }
            if (reconstruct) {
                recs.add(models.generator().generate(mu));
            }
        }
        return new Computed(Nd4j.vstack(mus.toArray(new INDArray[0])),
                zr == null ? null : Nd4j.vstack(revs.toArray(new INDArray[0])),
                reconstruct ? Nd4j.vstack(recs.toArray(new INDArray[0])) : null);
    }
}
