package dualmcmc.engine.model;

import dualmcmc.engine.nn.Network;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The inference model q(z | x); its network maps [B, D] to [B, 2 nz] = (mu, logvar). */
public final class InferenceModel {
    /** Keeps 1 / variance finite when logvar is very negative, as in the public code. */
    public static final double VARIANCE_FLOOR = 1e-6;
    private final Network network;
    private final int latentSize;

    public InferenceModel(Network network, int latentSize) {
        this.network = network;
        this.latentSize = latentSize;
    }

    public Network network() {
        return network;
    }

    public Posterior infer(INDArray x) {
        INDArray out = network.forward(x);
        return new Posterior(out.get(NDArrayIndex.all(), NDArrayIndex.interval(0, latentSize)).dup(),
                out.get(NDArrayIndex.all(), NDArrayIndex.interval(latentSize, 2 * latentSize)).dup());
    }

    /**
     * Adds {@code weight} * d(sum_i NLL(z_i; mu(x_i), logvar(x_i)))/d phi to the parameter gradients,
     * NLL(z; mu, lv) = sum_d [0.5 lv_d + 0.5 (z_d - mu_d)^2 / (1e-6 + exp lv_d)].
     *
     * @return sum_i NLL
     */
    public double accumulateNll(INDArray x, INDArray z, double weight) {
        INDArray out = network.forward(x);
        INDArray mu = out.get(NDArrayIndex.all(), NDArrayIndex.interval(0, latentSize));
        INDArray logvar = out.get(NDArrayIndex.all(), NDArrayIndex.interval(latentSize, 2 * latentSize));
        INDArray var = Transforms.exp(logvar, true).addi(VARIANCE_FLOOR);
        INDArray diff = z.sub(mu);
        INDArray sq = diff.mul(diff);
        double nll = logvar.sumNumber().doubleValue() * 0.5 + sq.div(var).sumNumber().doubleValue() * 0.5;
        INDArray gMu = diff.divi(var).negi().muli(weight);
        // d/dlv [0.5 (z-mu)^2 / (c + e^lv)] = -0.5 (z-mu)^2 e^lv / (c + e^lv)^2
        INDArray expLv = var.sub(VARIANCE_FLOOR);
        INDArray gLv = sq.muli(expLv).divi(var.mul(var)).muli(-0.5).addi(0.5).muli(weight);
        INDArray grad = Nd4j.concat(1, gMu, gLv);
        network.backward(grad, true);
        return nll;
    }
}
