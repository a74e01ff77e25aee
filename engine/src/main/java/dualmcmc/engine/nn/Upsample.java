package dualmcmc.engine.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/** Nearest-neighbour upsampling of NCHW input by an integer factor (nn.Upsample(mode="nearest")). */
public final class Upsample implements Layer {
    private final int factor;
    private final Buffer output = new Buffer();
    private final Buffer inputGrad = new Buffer();
    private INDArray input;

    public Upsample(int factor) {
        this.factor = factor;
    }

    @Override
    public INDArray forward(INDArray x) {
        input = x;
        INDArray y = output.get(x.dataType(), x.size(0), x.size(1), x.size(2) * factor,
                x.size(3) * factor);
        Nd4j.exec(DynamicCustomOp.builder("upsampling2d").addInputs(x).addOutputs(y)
                .addIntegerArguments(factor, factor, 1).build());
        return y;
    }

    @Override
    public INDArray backward(INDArray gy, boolean accumulateParamGrads) {
        INDArray gx = inputGrad.get(input.dataType(), input.shape());
        Nd4j.exec(DynamicCustomOp.builder("upsampling2d_bp").addInputs(input, gy).addOutputs(gx)
                .addIntegerArguments(1).build());
        return gx;
    }

    @Override
    public String describe() {
        return "upsample(x" + factor + ")";
    }
}
