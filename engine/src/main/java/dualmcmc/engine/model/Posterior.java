package dualmcmc.engine.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/** q(z | x) = N(mu, diag exp(logvar)) for a batch: two [B, nz] arrays. */
public record Posterior(INDArray mu, INDArray logvar) {
    /** The reparameterised sample mu + exp(logvar / 2) * noise, with noise ~ N(0, I) given. */
    public INDArray sample(INDArray noise) {
        return org.nd4j.linalg.ops.transforms.Transforms.exp(logvar.mul(0.5), false).muli(noise).addi(mu);
    }
}
