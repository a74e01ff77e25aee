package dualmcmc.engine.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Adam with L2 weight decay added to the gradient, exactly as torch.optim.Adam(weight_decay=...).
 * One fused pass per parameter array updates the moments and the parameter.
 */
public final class Adam {
    public static final double EPS = 1e-8;
    private final Network network;
    private final double beta1;
    private final double beta2;
    private final double weightDecay;
    private final List<INDArray> firstMoments = new ArrayList<>();
    private final List<INDArray> secondMoments = new ArrayList<>();
    private double learningRate;
    private long steps;

    public Adam(Network network, double learningRate, double beta1, double beta2, double weightDecay) {
        this.network = network;
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.weightDecay = weightDecay;
        for (Parameter p : network.parameters()) {
            firstMoments.add(p.value().ulike().assign(0));
            secondMoments.add(p.value().ulike().assign(0));
        }
    }

    public void setLearningRate(double learningRate) {
        this.learningRate = learningRate;
    }

    public double learningRate() {
        return learningRate;
    }

    public long steps() {
        return steps;
    }

    /** Restores the step count (checkpoints); moments are restored through {@link #moments}. */
    public void setSteps(long steps) {
        this.steps = steps;
    }

    /** First and second moments, in the network's parameter order: [m0, v0, m1, v1, ...]. */
    public List<INDArray> moments() {
        List<INDArray> all = new ArrayList<>();
        for (int i = 0; i < firstMoments.size(); i++) {
            all.add(firstMoments.get(i));
            all.add(secondMoments.get(i));
        }
        return all;
    }

    /** Applies one update from the accumulated gradients, then tells the layers their weights changed. */
    public void step() {
        steps++;
        double stepSize = learningRate / (1 - Math.pow(beta1, steps));
        double correction2 = Math.sqrt(1 - Math.pow(beta2, steps));
        List<Parameter> ps = network.parameters();
        for (int i = 0; i < ps.size(); i++) {
            update(ps.get(i), firstMoments.get(i), secondMoments.get(i), stepSize, correction2);
        }
        network.parametersChanged(true);
    }

    private void update(Parameter p, INDArray m, INDArray v, double stepSize, double correction2) {
        int n = (int) p.size();
        if (p.value().dataType() == DataType.FLOAT) {
            FloatBuffer w = p.value().data().asNioFloat();
            FloatBuffer g = p.grad().data().asNioFloat();
            FloatBuffer mb = m.data().asNioFloat();
            FloatBuffer vb = v.data().asNioFloat();
            for (int i = 0; i < n; i++) {
                double gi = g.get(i) + weightDecay * w.get(i);
                double mi = beta1 * mb.get(i) + (1 - beta1) * gi;
                double vi = beta2 * vb.get(i) + (1 - beta2) * gi * gi;
                mb.put(i, (float) mi);
                vb.put(i, (float) vi);
                w.put(i, (float) (w.get(i) - stepSize * mi / (Math.sqrt(vi) / correction2 + EPS)));
            }
        } else {
            DoubleBuffer w = p.value().data().asNioDouble();
            DoubleBuffer g = p.grad().data().asNioDouble();
            DoubleBuffer mb = m.data().asNioDouble();
            DoubleBuffer vb = v.data().asNioDouble();
            for (int i = 0; i < n; i++) {
                double gi = g.get(i) + weightDecay * w.get(i);
                double mi = beta1 * mb.get(i) + (1 - beta1) * gi;
                double vi = beta2 * vb.get(i) + (1 - beta2) * gi * gi;
                mb.put(i, mi);
                vb.put(i, vi);
                w.put(i, w.get(i) - stepSize * mi / (Math.sqrt(vi) / correction2 + EPS));
            }
        }
    }
}
