package dualmcmc.engine.model;

import dualmcmc.engine.nn.Buffer;
import dualmcmc.engine.nn.Network;
import dualmcmc.engine.nn.NativeCopy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

/** The generator x = g(z) + eps; its network maps [B, nz] to [B, D] (flat samples). */
public final class Generator {
    private final Network network;
    private final int latentSize;
    /** The gradient of the last reconstruction error with respect to g(z). */
    private final Buffer scaledResidual = new Buffer();
    private double[] generated = new double[0];
    private double[] observed = new double[0];

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
     * parameter gradients. Writes the per-sample squared error into {@code squaredErrorOut} if not
     * null. The result is the network's own buffer, valid until this model runs again.
     */
    public INDArray reconstructionGradient(INDArray z, INDArray x, INDArray squaredErrorOut) {
        return reconstructionGradient(z, x, squaredErrorOut, null);
    }

    /**
     * As above, and copies g(z) into {@code generatedOut} if not null: a chain that shows each
     * step's g(z) gets it from the pass that the step makes anyway instead of a second one.
     */
    public INDArray reconstructionGradient(INDArray z, INDArray x, INDArray squaredErrorOut, INDArray generatedOut) {
        INDArray g = network.forwardShared(z);
        residual(g, x, 2.0, squaredErrorOut);
        if (generatedOut != null) {
            generatedOut.assign(g);
        }
        return network.backwardShared(scaledResidual.get(g.dataType(), g.shape()), false);
    }

    /**
     * Adds {@code weight} * d(sum_i ||target_i - g(z_i)||^2)/d theta to the parameter gradients.
     *
     * @return sum_i ||target_i - g(z_i)||^2
     */
    public double accumulateReconstruction(INDArray z, INDArray target, double weight) {
        INDArray g = network.forwardShared(z);
        double sumOfSquares = residual(g, target, 2.0 * weight, null);
        network.backwardShared(scaledResidual.get(g.dataType(), g.shape()), true);
        return sumOfSquares;
    }

    /**
     * Writes scale * (g - x) into the residual buffer in one pass and returns sum ||g - x||^2,
     * writing the per-sample sums into {@code perSampleOut} if not null.
     * One pass in Java instead of three or four ND4J calls (subtract, square, sum, scale), each
     * of which costs more than this arithmetic on a batch of 2-D samples.
     */
    private double residual(INDArray g, INDArray x, double scale, INDArray perSampleOut) {
        if (!Arrays.equals(g.shape(), x.shape())) {
            throw new IllegalArgumentException("generator output " + Arrays.toString(g.shape())
                    + " does not match the observations " + Arrays.toString(x.shape()));
        }
        int n = (int) g.length();
        int rows = (int) g.rows();
        int d = n / rows;
        if (generated.length < n) {
            generated = new double[n];
            observed = new double[n];
        }
        NativeCopy.read(g, generated, n);
        NativeCopy.read(x, observed, n);
        double[] perSample = new double[rows];
        double total = 0;
        for (int i = 0; i < rows; i++) {
            double sum = 0;
            for (int j = i * d; j < (i + 1) * d; j++) {
                double diff = generated[j] - observed[j];
                sum += diff * diff;
                generated[j] = scale * diff;
            }
            perSample[i] = sum;
            total += sum;
        }
        if (perSampleOut != null) {
            perSampleOut.assign(Nd4j.createFromArray(perSample).reshape(perSampleOut.shape()));
        }
        NativeCopy.write(generated, n, scaledResidual.get(g.dataType(), g.shape()));
        return total;
    }
}
