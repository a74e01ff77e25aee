package dualmcmc.engine.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-channel batch normalisation of NCHW input, as torch.nn.BatchNorm2d in training mode:
 * y = gamma (x - mean) / sqrt(var + eps) + beta over the batch and spatial positions of each
 * channel, with the biased variance, eps 1e-5.
 *
 * <p>Always in training mode, on purpose: the paper's PyTorch code never calls {@code eval()},
 * so its generator normalises with the statistics of whatever batch it is given (training
 * batches, every step of a Langevin chain, the pictures it shows). Doing the same keeps the
 * learned generator the function the paper's training produces. The running statistics are still
 * kept as torch keeps them (updated on every forward pass with momentum 0.1, the variance
 * unbiased) and saved as {@link #state()}, so a checkpoint carries everything torch's state_dict
 * would and an evaluation-mode user of them stays possible; nothing here reads them.
 *
 * <p>gamma starts N(0, 1) and beta 0, the paper's {@code weights_init} for BatchNorm layers.
 */
public final class BatchNorm2d implements Layer {
    static final double EPS = 1e-5;
    static final double MOMENTUM = 0.1;
    private final int channels;
    private final Parameter gamma;
    private final Parameter beta;
    private final INDArray runningMean;
    private final INDArray runningVar;
    private final Buffer output = new Buffer();
    private final Buffer inputGrad = new Buffer();
    private double[] normalised = new double[0];
    private double[] values = new double[0];
    private double[] grad = new double[0];
    private final double[] invStd;
    private long[] shape;
    private DataType dataType;
    private int batch;
    private int spatial;

    public BatchNorm2d(int channels, Init init) {
        this.channels = channels;
        this.gamma = new Parameter("gamma", init.gaussian(channels));
        this.beta = new Parameter("beta", Nd4j.zeros(init.dataType(), channels));
        this.runningMean = Nd4j.zeros(init.dataType(), channels);
        this.runningVar = Nd4j.ones(init.dataType(), channels);
        this.invStd = new double[channels];
    }

    @Override
    public INDArray forward(INDArray x) {
        if (x.rank() != 4 || x.size(1) != channels) {
            throw new IllegalArgumentException(describe() + " expects [batch, " + channels + ", h, w], got "
                    + java.util.Arrays.toString(x.shape()));
        }
        shape = x.shape();
        dataType = x.dataType();
        batch = (int) x.size(0);
        spatial = (int) (x.size(2) * x.size(3));
        int n = batch * channels * spatial;
        if (values.length < n) {
            values = new double[n];
            normalised = new double[n];
            grad = new double[n];
        }
        NativeCopy.read(x, values, n);
        double[] g = gamma.value().toDoubleVector();
        double[] b = beta.value().toDoubleVector();
        double[] mean = new double[channels];
        double[] var = new double[channels];
        int count = batch * spatial;
        for (int c = 0; c < channels; c++) {
            double sum = 0;
            for (int s = 0; s < batch; s++) {
                int base = (s * channels + c) * spatial;
                for (int p = 0; p < spatial; p++) {
                    sum += values[base + p];
                }
            }
            double m = sum / count;
            double sq = 0;
            for (int s = 0; s < batch; s++) {
                int base = (s * channels + c) * spatial;
                for (int p = 0; p < spatial; p++) {
                    double d = values[base + p] - m;
                    sq += d * d;
                }
            }
            mean[c] = m;
            var[c] = sq / count;
            invStd[c] = 1 / Math.sqrt(var[c] + EPS);
            for (int s = 0; s < batch; s++) {
                int base = (s * channels + c) * spatial;
                for (int p = 0; p < spatial; p++) {
                    double h = (values[base + p] - m) * invStd[c];
                    normalised[base + p] = h;
                    values[base + p] = g[c] * h + b[c];
                }
            }
        }
        updateRunningStatistics(mean, var, count);
        return NativeCopy.write(values, n, output.get(dataType, shape));
    }

    /** torch's update: r = (1 - momentum) r + momentum * batch statistic, the variance unbiased. */
    private void updateRunningStatistics(double[] mean, double[] var, int count) {
        double unbias = count > 1 ? (double) count / (count - 1) : 1;
        INDArray m = Nd4j.createFromArray(mean).castTo(runningMean.dataType());
        INDArray v = Nd4j.createFromArray(var).castTo(runningVar.dataType()).muli(unbias);
        runningMean.muli(1 - MOMENTUM).addi(m.muli(MOMENTUM));
        runningVar.muli(1 - MOMENTUM).addi(v.muli(MOMENTUM));
    }

    /**
     * dL/dx = gamma invStd (g - mean(g) - xhat mean(g xhat)) per channel: the batch statistics
     * depend on every input, hence the two correction terms; dL/dgamma = sum g xhat, dL/dbeta = sum g.
     */
    @Override
    public INDArray backward(INDArray gy, boolean accumulateParamGrads) {
        int n = batch * channels * spatial;
        NativeCopy.read(gy, grad, n);
        double[] g = gamma.value().toDoubleVector();
        double[] gGamma = new double[channels];
        double[] gBeta = new double[channels];
        int count = batch * spatial;
        for (int c = 0; c < channels; c++) {
            double sum = 0;
            double dot = 0;
            for (int s = 0; s < batch; s++) {
                int base = (s * channels + c) * spatial;
                for (int p = 0; p < spatial; p++) {
                    sum += grad[base + p];
                    dot += grad[base + p] * normalised[base + p];
                }
            }
            gBeta[c] = sum;
            gGamma[c] = dot;
            double meanG = sum / count;
            double meanGh = dot / count;
            double scale = g[c] * invStd[c];
            for (int s = 0; s < batch; s++) {
                int base = (s * channels + c) * spatial;
                for (int p = 0; p < spatial; p++) {
                    grad[base + p] = scale * (grad[base + p] - meanG - normalised[base + p] * meanGh);
                }
            }
        }
        if (accumulateParamGrads) {
            gamma.grad().addi(Nd4j.createFromArray(gGamma).castTo(gamma.grad().dataType()));
            beta.grad().addi(Nd4j.createFromArray(gBeta).castTo(beta.grad().dataType()));
        }
        return NativeCopy.write(grad, n, inputGrad.get(dataType, shape));
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(gamma, beta);
    }

    /** running_mean and running_var, torch's buffer names. */
    @Override
    public Map<String, INDArray> state() {
        Map<String, INDArray> m = new LinkedHashMap<>();
        m.put("running_mean", runningMean);
        m.put("running_var", runningVar);
        return m;
    }

    @Override
    public boolean mixesSamples() {
        return true;
    }

    @Override
    public String describe() {
        return "batchnorm(" + channels + ")";
    }
}
