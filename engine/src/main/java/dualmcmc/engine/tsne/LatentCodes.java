package dualmcmc.engine.tsne;

import dualmcmc.engine.data.Dataset;
import dualmcmc.engine.model.ModelSet;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/** The inference model's latent means mu_phi(x) of a seeded subset of a data set, labelled by class. */
public final class LatentCodes {
    private static final int CHUNK = 500;

    private LatentCodes() {
    }

    public static EmbeddingInput of(ModelSet models, Dataset data, int n, long seed) {
        if (n < 2) {
            throw new IllegalArgumentException("need at least 2 points, got " + n);
        }
        Dataset subset = data.subset(Math.min(n, data.size()), seed);
        INDArray x = subset.x();
        double[][] codes = new double[(int) x.rows()][];
        for (int start = 0; start < x.rows(); start += CHUNK) {
            int end = (int) Math.min(x.rows(), start + CHUNK);
            INDArray mu = models.inference().infer(x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(start, end),
                    org.nd4j.linalg.indexing.NDArrayIndex.all())).mu();
            double[][] block = mu.toDoubleMatrix();
            System.arraycopy(block, 0, codes, start, block.length);
        }
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
}
