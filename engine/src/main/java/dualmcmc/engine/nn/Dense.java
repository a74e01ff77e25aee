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
    private final Buffer weightGrad = new Buffer();
    private INDArray input;
    private double[] gradientCopy = new double[0];

    public Dense(int in, int out, boolean spectralNorm, Init init) {
        this.in = in;
        this.out = out;
        this.weight = new Weight(init.xavierNormal(new long[]{out, in}, in, out), spectralNorm, init);
        this.bias = new Parameter("bias", Nd4j.zeros(init.dataType(), out));
    }

    @Override
    public long[] outputShape(long[] input) {
        return new long[]{out};
    }

    @Override
    public long multiplyAdds(long[] input) {
        return (long) in * out;
    }

    @Override
    public INDArray forward(INDArray x) {
        if (x.rank() != 2 || x.columns() != in) {
            throw new IllegalArgumentException(describe() + " expects [batch, " + in + "], got "
                    + java.util.Arrays.toString(x.shape()));
        }
        input = NativeCopy.contiguous(x);
        INDArray y = output.get(x.dataType(), x.rows(), out);
        // the bias goes in first and the product is added to it: one native call instead of two
        NativeCopy.fillRows(y, bias.value());
        Blas.gemm(input, false, weight.effective(), true, y, 1.0, 1.0);
        return y;
    }

    @Override
    public INDArray backward(INDArray gy, boolean accumulateParamGrads) {
        INDArray w = weight.effective();
        if (accumulateParamGrads) {
            addColumnSums(gy, bias.grad());
            if (weight.isPlain()) {
                Blas.gemm(gy, true, input, false, weight.parameter().grad(), 1.0, 1.0);
            } else {
                INDArray gw = weightGrad.get(gy.dataType(), out, in);
                Blas.gemm(gy, true, input, false, gw, 1.0, 0.0);
                weight.addGradient(gw);
            }
        }
        INDArray gx = inputGrad.get(gy.dataType(), gy.rows(), in);
        Blas.gemm(gy, false, w, false, gx, 1.0, 0.0);
        return gx;
    }

    /** target += the column sums of m, in one Java pass: ND4J's sum(0) took 107 us on 256x128 here. */
    private void addColumnSums(INDArray m, INDArray target) {
        int n = (int) m.length();
        if (gradientCopy.length < n) {
            gradientCopy = new double[n];
        }
        double[] sums = new double[out];
        NativeCopy.read(m, gradientCopy, n);
        NativeCopy.read(target, sums, out);
        for (int i = 0; i < n; i += out) {
            for (int j = 0; j < out; j++) {
                sums[j] += gradientCopy[i + j];
            }
        }
        NativeCopy.write(sums, out, target);
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
