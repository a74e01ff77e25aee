package dualmcmc.engine.model;

import dualmcmc.engine.nn.Buffer;
import dualmcmc.engine.nn.NativeCopy;
import dualmcmc.engine.nn.Network;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The inference model q(z | x); its network maps [B, D] to [B, 2 nz] = (mu, logvar). */
public final class InferenceModel {
    /** Keeps 1 / variance finite when logvar is very negative, as in the public code. */
    public static final double VARIANCE_FLOOR = 1e-6;
    private final Network network;
    private final int latentSize;
    /** dNLL/d(mu, logvar) of the last call. */
    private final Buffer gradient = new Buffer();

    public InferenceModel(Network network, int latentSize) {
        this.network = network;
        this.latentSize = latentSize;
    }

    public Network network() {
        return network;
    }

    public Posterior infer(INDArray x) {
        INDArray out = network.forwardShared(x);
        int rows = (int) out.rows();
        // split [B, 2 nz] into mu and logvar in Java: two views and two copies through ND4J cost
        // more than the network's forward pass on a toy batch
        double[] both = new double[rows * 2 * latentSize];
        NativeCopy.read(out, both, both.length);
        double[] mu = new double[rows * latentSize];
        double[] logvar = new double[rows * latentSize];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(both, 2 * i * latentSize, mu, i * latentSize, latentSize);
            System.arraycopy(both, (2 * i + 1) * latentSize, logvar, i * latentSize, latentSize);
        }
        return new Posterior(NativeCopy.write(mu, mu.length, Nd4j.createUninitialized(out.dataType(), rows, latentSize)),
                NativeCopy.write(logvar, logvar.length, Nd4j.createUninitialized(out.dataType(), rows, latentSize)));
    }

    /**
     * Adds {@code weight} * d(sum_i NLL(z_i; mu(x_i), logvar(x_i)))/d phi to the parameter gradients,
     * NLL(z; mu, lv) = sum_d [0.5 lv_d + 0.5 (z_d - mu_d)^2 / (1e-6 + exp lv_d)].
     *
     * @return sum_i NLL
     */
    public double accumulateNll(INDArray x, INDArray z, double weight) {
        INDArray out = network.forwardShared(x);
        int rows = (int) out.rows();
        int width = 2 * latentSize;
        if (z.rows() != rows || z.columns() != latentSize) {
            throw new IllegalArgumentException("latents " + java.util.Arrays.toString(z.shape())
                    + " do not match the batch [" + rows + ", " + latentSize + "]");
        }
        // one pass in Java over [B, 2 nz] (mu | logvar): the dozen ND4J calls it replaces cost
        // more than the arithmetic at these sizes
        double[] o = new double[rows * width];
        double[] zs = new double[rows * latentSize];
        NativeCopy.read(out, o, o.length);
        NativeCopy.read(z, zs, zs.length);
        double[] grad = new double[o.length];
        double nll = 0;
        for (int i = 0; i < rows; i++) {
            for (int d = 0; d < latentSize; d++) {
                int m = i * width + d;
                int l = m + latentSize;
                double expLv = Math.exp(o[l]);
                double var = expLv + VARIANCE_FLOOR;
                double diff = zs[i * latentSize + d] - o[m];
                double sq = diff * diff;
                nll += 0.5 * o[l] + 0.5 * sq / var;
                grad[m] = -weight * diff / var;
                // d/dlv [0.5 (z-mu)^2 / (c + e^lv)] = -0.5 (z-mu)^2 e^lv / (c + e^lv)^2
                grad[l] = weight * (0.5 - 0.5 * sq * expLv / (var * var));
            }
        }
        network.backwardShared(NativeCopy.write(grad, grad.length, gradient.get(out.dataType(), rows, width)), true);
        return nll;
    }
}
