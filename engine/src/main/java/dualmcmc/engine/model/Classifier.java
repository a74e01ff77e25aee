package dualmcmc.engine.model;

import dualmcmc.engine.data.SampleShape;
import dualmcmc.engine.nn.Activation;
import dualmcmc.engine.nn.Conv2d;
import dualmcmc.engine.nn.Dense;
import dualmcmc.engine.nn.Init;
import dualmcmc.engine.nn.Network;
import dualmcmc.engine.nn.Reshape;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

/**
 * A small classifier whose penultimate layer is the feature space of the Frechet distance: the
 * paper's FID uses Inception features, which are not available here, so the project trains its
 * own feature extractor on the same data and reports its accuracy.
 */
public final class Classifier {
    public static final int FEATURES = 64;
    private static final double LEAK = 0.2;
    private final Network features;
    private final Network head;
    private final SampleShape shape;
    private final int classes;

    private Classifier(Network features, Network head, SampleShape shape, int classes) {
        this.features = features;
        this.head = head;
        this.shape = shape;
        this.classes = classes;
    }

    /** Two stride-2 convolutions and a dense layer for images (sides divisible by 4), two dense layers for points. */
    public static Classifier build(SampleShape shape, int classes, Init init) {
        Network f;
        if (shape.isImage()) {
            if (shape.height() % 4 != 0 || shape.width() % 4 != 0) {
                throw new IllegalArgumentException("the classifier needs image sides divisible by 4, got " + shape);
            }
            int c = shape.channels();
            f = new Network(List.of(new Reshape(c, shape.height(), shape.width()),
                    new Conv2d(c, 16, 4, 2, 1, false, init), Activation.leakyRelu(LEAK),
                    new Conv2d(16, 32, 4, 2, 1, false, init), Activation.leakyRelu(LEAK), Reshape.flat(),
                    new Dense(32 * (shape.height() / 4) * (shape.width() / 4), FEATURES, false, init),
                    Activation.leakyRelu(LEAK)));
        } else {
            f = new Network(List.of(new Dense(shape.size(), FEATURES, false, init), Activation.leakyRelu(LEAK),
                    new Dense(FEATURES, FEATURES, false, init), Activation.leakyRelu(LEAK)));
        }
        return new Classifier(f, new Network(List.of(new Dense(FEATURES, classes, false, init))), shape, classes);
    }

    public SampleShape shape() {
        return shape;
    }

    public int classes() {
        return classes;
    }

    /** The feature extractor and the linear head, in that order (for optimisers and files). */
    public List<Network> networks() {
        return List.of(features, head);
    }

    public static List<String> networkNames() {
        return List.of("features", "head");
    }

    /** Penultimate activations, [B, FEATURES]. */
    public INDArray features(INDArray x) {
        return features.forward(x);
    }

    public int[] predict(INDArray x) {
        double[][] logits = head.forward(features.forward(x)).toDoubleMatrix();
        int[] out = new int[logits.length];
        for (int i = 0; i < logits.length; i++) {
            for (int k = 1; k < classes; k++) {
                if (logits[i][k] > logits[i][out[i]]) {
                    out[i] = k;
                }
            }
        }
        return out;
    }

    /** sum_i CE_i with CE_i = -log softmax(logits_i)[y_i]. */
    public double crossEntropy(INDArray x, int[] labels) {
        return softmaxCrossEntropy(head.forward(features.forward(x)).toDoubleMatrix(), labels, 0, null);
    }

    /**
     * Adds {@code weight} * d(sum_i CE_i)/d params to the gradients.
     *
     * @return sum_i CE_i
     */
    public double accumulateCrossEntropy(INDArray x, int[] labels, double weight) {
        INDArray out = head.forward(features.forward(x));
        double[][] grad = new double[(int) out.rows()][classes];
        double loss = softmaxCrossEntropy(out.toDoubleMatrix(), labels, weight, grad);
        features.backward(head.backward(Nd4j.create(grad).castTo(out.dataType()), true), true);
        return loss;
    }

    /** The loss, and when {@code grad} is given, weight * (softmax - onehot) into it; max-shifted for stability. */
    private double softmaxCrossEntropy(double[][] logits, int[] labels, double weight, double[][] grad) {
        if (labels.length != logits.length) {
            throw new IllegalArgumentException(labels.length + " labels for " + logits.length + " samples");
        }
        double loss = 0;
        double[] p = new double[classes];
        for (int i = 0; i < logits.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : logits[i]) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (int k = 0; k < classes; k++) {
                p[k] = Math.exp(logits[i][k] - max);
                sum += p[k];
            }
            loss += Math.log(sum) + max - logits[i][labels[i]];
            if (grad != null) {
                for (int k = 0; k < classes; k++) {
                    grad[i][k] = weight * (p[k] / sum - (k == labels[i] ? 1 : 0));
                }
            }
        }
        return loss;
    }
}
