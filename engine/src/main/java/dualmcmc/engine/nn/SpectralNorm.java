package dualmcmc.engine.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Spectral normalisation W_sn = W / sigma(W) (Miyato et al. 2018), sigma estimated by power
 * iteration with persistent vectors u, v as in torch.nn.utils.spectral_norm.
 *
 * <p>The gradient treats u and v as constants, as PyTorch does:
 * dL/dW = (G - &lt;G, W_sn&gt; u v^T) / sigma with G = dL/dW_sn.
 */
final class SpectralNorm {
    private static final int WARM_UP_ITERATIONS = 15;
    private final INDArray weight;   // the raw parameter, any rank, first dim = out
    private final INDArray matrix;   // weight viewed as [out, rest]
    private final INDArray u;
    private final INDArray v;
    private INDArray normalised;
    private double sigma;

    SpectralNorm(INDArray weight, Init init) {
        this.weight = weight;
        long out = weight.size(0);
        this.matrix = weight.reshape('c', out, weight.length() / out);
        this.u = unit(init.gaussian(out, 1));
        this.v = unit(init.gaussian(matrix.columns(), 1));
        for (int i = 0; i < WARM_UP_ITERATIONS; i++) {
            powerIteration();
        }
        update(false);
    }

    private static INDArray unit(INDArray a) {
        return a.divi(a.norm2Number().doubleValue() + 1e-12);
    }

    private void powerIteration() {
        v.assign(unit(matrix.transpose().mmul(u)));
        u.assign(unit(matrix.mmul(v)));
    }

    /** One power iteration when training, then W_sn for the current W. */
    void update(boolean training) {
        if (training) {
            powerIteration();
        }
        sigma = u.transpose().mmul(matrix).mmul(v).getDouble(0);
        normalised = weight.div(sigma);
    }

    INDArray normalised() {
        return normalised;
    }

    double sigma() {
        return sigma;
    }

    Map<String, INDArray> state(String prefix) {
        Map<String, INDArray> m = new LinkedHashMap<>();
        m.put(prefix + ".u", u);
        m.put(prefix + ".v", v);
        return m;
    }

    INDArray backward(INDArray gradNormalised) {
        double inner = gradNormalised.mul(normalised).sumNumber().doubleValue();
        INDArray outer = u.mmul(v.transpose()).reshape(weight.shape());
        return gradNormalised.sub(outer.muli(inner)).divi(sigma);
    }

}
