package dualmcmc.engine.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

/**
 * 2-D convolution on NCHW input, weights [out, in, k, k] as PyTorch's nn.Conv2d, through
 * libnd4j's native conv2d / conv2d_bp ops.
 */
public final class Conv2d implements Layer {
    private static final int NCHW = 0;
    private static final int WEIGHTS_OIHW = 1;
    private final int in;
    private final int out;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final Parameter weight;
    private final Parameter bias;
    private final SpectralNorm spectralNorm;
    private final Buffer output = new Buffer();
    private final Buffer inputGrad = new Buffer();
    private final Buffer weightGrad = new Buffer();
    private final Buffer biasGrad = new Buffer();
    private INDArray input;

    public Conv2d(int in, int out, int kernel, int stride, int padding, boolean spectralNorm, Init init) {
        this.in = in;
        this.out = out;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        long fanIn = (long) in * kernel * kernel;
        long fanOut = (long) out * kernel * kernel;
        this.weight = new Parameter("weight",
                init.xavierNormal(new long[]{out, in, kernel, kernel}, fanIn, fanOut));
        this.bias = new Parameter("bias", Nd4j.zeros(init.dataType(), out));
        this.spectralNorm = spectralNorm ? new SpectralNorm(weight.value(), init) : null;
    }

    public int outputSize(int inputSize) {
        return (inputSize + 2 * padding - kernel) / stride + 1;
    }

    private int[] args() {
        return new int[]{kernel, kernel, stride, stride, padding, padding, 1, 1, 0, NCHW, WEIGHTS_OIHW};
    }

    private INDArray effectiveWeight() {
        return spectralNorm == null ? weight.value() : spectralNorm.normalised();
    }

    @Override
    public INDArray forward(INDArray x) {
        if (x.rank() != 4 || x.size(1) != in) {
            throw new IllegalArgumentException(describe() + " expects [batch, " + in + ", h, w], got "
                    + java.util.Arrays.toString(x.shape()));
        }
        input = x;
        long h = outputSize((int) x.size(2));
        long w = outputSize((int) x.size(3));
        INDArray y = output.get(x.dataType(), x.size(0), out, h, w);
        Nd4j.exec(DynamicCustomOp.builder("conv2d")
                .addInputs(x, effectiveWeight(), bias.value())
                .addOutputs(y)
                .addIntegerArguments(args())
                .build());
        return y;
    }

    @Override
    public INDArray backward(INDArray gy, boolean accumulateParamGrads) {
        INDArray gx = inputGrad.get(input.dataType(), input.shape());
        INDArray gw = weightGrad.get(input.dataType(), weight.value().shape());
        INDArray gb = biasGrad.get(input.dataType(), out);
        Nd4j.exec(DynamicCustomOp.builder("conv2d_bp")
                .addInputs(input, effectiveWeight(), bias.value(), gy)
                .addOutputs(gx, gw, gb)
                .addIntegerArguments(args())
                .build());
        if (accumulateParamGrads) {
            weight.grad().addi(spectralNorm == null ? gw : spectralNorm.backward(gw));
            bias.grad().addi(gb);
        }
        return gx;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weight, bias);
    }

    @Override
    public void parametersChanged(boolean training) {
        if (spectralNorm != null) {
            spectralNorm.update(training);
        }
    }

    @Override
    public String describe() {
        return "conv(" + in + "->" + out + ",k" + kernel + ",s" + stride + ",p" + padding
                + (spectralNorm != null ? ",sn" : "") + ")";
    }
}
