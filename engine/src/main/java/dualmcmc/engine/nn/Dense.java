package dualmcmc.engine.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Fully connected layer y = x W^T + b, weights [out, in] as in PyTorch's nn.Linear. */
public final class Dense implements Layer {
    private final int in;
    private final int out;
    private final Weight weight;
    private final Parameter bias;
    private final Buffer output = new Buffer();
    private final Buffer inputGrad = new Buffer();
    private INDArray input;

    public Dense(int in, int out, boolean spectralNorm, Init init) {
        this.in = in;
        this.out = out;
        this.weight = new Weight(init.xavierNormal(new long[]{out, in}, in, out), spectralNorm, init);
        this.bias = new Parameter("bias", Nd4j.zeros(init.dataType(), out));
    }

    @Override
    public INDArray forward(INDArray x) {
        if (x.rank() != 2 || x.columns() != in) {
            throw new IllegalArgumentException(describe() + " expects [batch, " + in + "], got "
                    + java.util.Arrays.toString(x.shape()));
        }
        input = x;
        INDArray y = output.get(x.dataType(), x.rows(), out);
        Nd4j.gemm(x, weight.effective(), y, false, true, 1.0, 0.0);
        return y.addiRowVector(bias.value());
    }

    @Override
    public INDArray backward(INDArray gy, boolean accumulateParamGrads) {
        INDArray w = weight.effective();
        if (accumulateParamGrads) {
            bias.grad().addi(gy.sum(0));
            weight.addGradient(Nd4j.gemm(gy, input, true, false));
        }
        INDArray gx = inputGrad.get(gy.dataType(), gy.rows(), in);
        Nd4j.gemm(gy, w, gx, false, false, 1.0, 0.0);
        return gx;
    }

    @Override
    public Map<String, INDArray> state() {
        return weight.state("weight");
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> ps = new ArrayList<>();
        ps.add(weight.parameter());
        ps.add(bias);
        return ps;
    }

    @Override
    public void parametersChanged(boolean training) {
        weight.changed(training);
    }

    @Override
    public String describe() {
        return "dense(" + in + "->" + out + weight.tag() + ")";
    }
}
