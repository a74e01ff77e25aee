package dualmcmc.engine.train;

import dualmcmc.engine.data.BatchSampler;
import dualmcmc.engine.data.Dataset;
import dualmcmc.engine.model.Classifier;
import dualmcmc.engine.nn.Adam;
import dualmcmc.engine.nn.Init;
import dualmcmc.engine.nn.Network;
import dualmcmc.engine.util.Rng;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.ArrayList;
import java.util.List;

/**
 * Trains the feature classifier of the Frechet distance on a labelled data set, holding out a
 * seeded tenth (at most 2000 samples) to report its test accuracy: a feature space is only as
 * meaningful as the classifier is good.
 */
public final class ClassifierTraining {
    private static final int BATCH = 64;
    private static final double LEARNING_RATE = 1e-3;

    private ClassifierTraining() {
    }

    public record Result(Classifier classifier, double testAccuracy, int trainSize, int testSize, int epochs,
                         double seconds) {
    }

    public static Result train(Dataset data, int epochs, long seed) {
        if (!data.hasLabels()) {
            throw new IllegalArgumentException(data.name() + " has no labels to train a classifier on");
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        long start = System.nanoTime();
        List<Dataset> parts = data.split(Math.max(1, Math.min(2000, data.size() / 10)), seed);
        Dataset train = parts.get(0);
        Dataset test = parts.get(1);
        Classifier c = Classifier.build(data.shape(), data.classNames().size(),
                new Init(Rng.derive(seed, "classifier-init"), DataType.FLOAT));
        List<Adam> opts = new ArrayList<>();
        for (Network n : c.networks()) {
            opts.add(new Adam(n, LEARNING_RATE, 0.9, 0.999, 0.0));
        }
        BatchSampler batches = new BatchSampler(train.size(), Rng.derive(seed, "classifier-batches").seed());
        long steps = (long) epochs * Math.max(1, train.size() / BATCH);
        for (long s = 0; s < steps; s++) {
            int[] idx = batches.next(Math.min(BATCH, train.size()));
            c.networks().forEach(Network::zeroGrad);
            c.accumulateCrossEntropy(train.batch(idx), train.labelsOf(idx), 1.0 / idx.length);
            opts.forEach(Adam::step);
        }
        return new Result(c, accuracy(c, test), train.size(), test.size(), epochs, (System.nanoTime() - start) / 1e9);
    }

    public static double accuracy(Classifier c, Dataset data) {
        int correct = 0;
        int chunk = 500;
        for (int startRow = 0; startRow < data.size(); startRow += chunk) {
            int[] idx = new int[Math.min(chunk, data.size() - startRow)];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = startRow + i;
            }
            int[] predicted = c.predict(data.batch(idx));
            int[] truth = data.labelsOf(idx);
            for (int i = 0; i < idx.length; i++) {
                correct += predicted[i] == truth[i] ? 1 : 0;
            }
        }
        return (double) correct / data.size();
    }
}
