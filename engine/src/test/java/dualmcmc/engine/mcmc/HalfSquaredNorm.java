package dualmcmc.engine.mcmc;

import dualmcmc.engine.nn.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Test layer: y_i = 0.5 ||h_i||^2 per row, so Dense + this is a Gaussian energy. */
final class HalfSquaredNorm implements Layer {
    private INDArray input;

    @Override
    public INDArray forward(INDArray h) {
        input = h;
        return h.mul(h).sum(true, 1).muli(0.5);
    }

    @Override
    public INDArray backward(INDArray gy, boolean accumulateParamGrads) {
        return input.mulColumnVector(gy.reshape(gy.length(), 1));
    }

    @Override
    public String describe() {
        return "half_squared_norm";
    }
}
