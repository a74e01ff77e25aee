package dualmcmc.engine.model;

import dualmcmc.engine.nn.Network;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The EBM pi(x) proportional to exp(-E(x)); its network maps [B, D] to one energy per sample. */
public final class EnergyModel {
    private final Network network;
    /** d(sum_i E_i)/dE_i: kept, since a Langevin chain asks for it at every step. */
    private INDArray ones;

    public EnergyModel(Network network) {
        this.network = network;
    }

    public Network network() {
        return network;
    }

    /** E(x) per sample, shape [B]. */
    public INDArray energy(INDArray x) {
        return network.forward(x).reshape(x.rows());
    }

    /**
     * dE/dx per sample (the gradient of sum_i E(x_i), which separates by sample), without touching
     * parameter gradients. Writes the energies into {@code energiesOut} when it is not null.
     * The result is the network's own buffer, valid until this model runs again (a Langevin step
     * uses it at once; copying it would cost as much as a small layer).
     */
    public INDArray energyGradient(INDArray x, INDArray energiesOut) {
        INDArray e = network.forwardShared(x);
        if (energiesOut != null) {
            energiesOut.assign(e.reshape(x.rows()));
        }
        if (ones == null || ones.dataType() != e.dataType() || !java.util.Arrays.equals(ones.shape(), e.shape())) {
            ones = Nd4j.ones(e.dataType(), e.shape());
        }
        return network.backwardShared(ones, false);
    }

    /**
     * Adds {@code weight} * d(sum_i E(x_i))/d alpha to the parameter gradients.
     *
     * @return the sum of the batch's energies (a sum, so that blocks of a batch add up)
     */
    public double accumulate(INDArray x, double weight) {
        return accumulate(x, weight, 0);
    }

    /**
     * Adds d(weight sum_i E(x_i) + squareWeight sum_i E(x_i)^2)/d alpha to the parameter gradients.
     *
     * @return the sum of the batch's energies (not of the squares)
     */
    public double accumulate(INDArray x, double weight, double squareWeight) {
        INDArray e = network.forwardShared(x);
        double sum = e.sumNumber().doubleValue();
        INDArray dLoss = squareWeight == 0 ? Nd4j.valueArrayOf(e.shape(), weight, e.dataType())
                : e.mul(2 * squareWeight).addi(weight);
        network.backwardShared(dLoss, true);
        return sum;
    }
}
