package dualmcmc.engine.model;

import dualmcmc.engine.nn.NativeCopy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** q(z | x) = N(mu, diag exp(logvar)) for a batch: two [B, nz] arrays. */
public record Posterior(INDArray mu, INDArray logvar) {
    /** The reparameterised sample mu + exp(logvar / 2) * noise, with noise ~ N(0, I) given. */
    public INDArray sample(INDArray noise) {
        int n = (int) mu.length();
        if (noise.length() != n) {
            throw new IllegalArgumentException("noise of " + noise.length() + " values for " + n + " latents");
        }
        double[] m = new double[n];
        double[] lv = new double[n];
        double[] e = new double[n];
        NativeCopy.read(mu, m, n);
        NativeCopy.read(logvar, lv, n);
        NativeCopy.read(noise, e, n);
        for (int i = 0; i < n; i++) {
            m[i] += Math.exp(0.5 * lv[i]) * e[i];
        }
        return NativeCopy.write(m, n, Nd4j.createUninitialized(mu.dataType(), mu.shape()));
    }
}
