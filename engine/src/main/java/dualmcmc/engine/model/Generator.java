package dualmcmc.engine.model;

import dualmcmc.engine.nn.Network;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The generator x = g(z) + eps; its network maps [B, nz] to [B, D] (flat samples). */
public final class Generator {
    private final Network network;
    private final int latentSize;

    public Generator(Network network, int latentSize) {
        this.network = network;
        this.latentSize = latentSize;
    }

    public Network network() {
        return network;
    }

    public int latentSize() {
        return latentSize;
    }

    public INDArray generate(INDArray z) {
        return network.forward(z);
    }

    /**
     * d/dz of sum_i ||x_i - g(z_i)||^2 (plain sum of squares, no 1/2, as the public code), with no
     * parameter gradients. Writes the per-sample squared error into {@code squaredErrorOut} if not null.
     */
    public INDArray reconstructionGradient(INDArray z, INDArray x, INDArray squaredErrorOut) {
        INDArray diff = network.forward(z).subi(x);
        if (squaredErrorOut != null) {
            squaredErrorOut.assign(diff.mul(diff).sum(1));
        }
        return network.backward(diff.muli(2.0), false);
    }

    /**
     * Adds {@code weight} * d(sum_i ||target_i - g(z_i)||^2)/d theta to the parameter gradients.
     *
     * @return sum_i ||target_i - g(z_i)||^2
     */
    public double accumulateReconstruction(INDArray z, INDArray target, double weight) {
        INDArray diff = network.forward(z).subi(target);
        double sum = diff.mul(diff).sumNumber().doubleValue();
        network.backward(diff.muli(2.0 * weight), true);
        return sum;
    }
}
