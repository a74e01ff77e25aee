package dualmcmc.engine.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Average pooling of NCHW input over non-overlapping k x k windows (F.avg_pool2d(x, k)), or over
 * the whole map ({@link #global()}, F.avg_pool2d(x, x.shape[2]), output [batch, C, 1, 1]).
 * Each output is the mean of its window, so the backward pass spreads g / k^2 over the window.
 */
public final class AvgPool2d implements Layer {
    private static final int GLOBAL = 0;
    private final int kernel;
    private final Buffer output = new Buffer();
    private final Buffer inputGrad = new Buffer();
    private double[] in = new double[0];
    private double[] out = new double[0];
    private long[] inputShape;
    private DataType dataType;
    private int kh;
    private int kw;

    public AvgPool2d(int kernel) {
        if (kernel < 1) {
            throw new IllegalArgumentException("pooling kernel must be positive, got " + kernel);
        }
        this.kernel = kernel;
    }

    private AvgPool2d() {
        this.kernel = GLOBAL;
    }

    /** Global average pooling: one value per channel. */
    public static AvgPool2d global() {
        return new AvgPool2d();
    }

    @Override
    public long[] outputShape(long[] input) {
        return kernel == GLOBAL ? new long[]{input[0], 1, 1}
                : new long[]{input[0], input[1] / kernel, input[2] / kernel};
    }

    @Override
    public INDArray forward(INDArray x) {
        inputShape = x.shape();
        dataType = x.dataType();
        int h = (int) x.size(2);
        int w = (int) x.size(3);
        kh = kernel == GLOBAL ? h : kernel;
        kw = kernel == GLOBAL ? w : kernel;
        if (x.rank() != 4 || h % kh != 0 || w % kw != 0) {
            throw new IllegalArgumentException(describe() + " needs NCHW maps divisible by the kernel, got "
                    + java.util.Arrays.toString(inputShape));
        }
        int planes = (int) (x.size(0) * x.size(1));
        int oh = h / kh;
        int ow = w / kw;
        int n = planes * h * w;
        int m = planes * oh * ow;
        in = ensure(in, n);
        out = ensure(out, m);
        NativeCopy.read(x, in, n);
        double scale = 1.0 / (kh * kw);
        java.util.Arrays.fill(out, 0, m, 0.0);
        for (int p = 0; p < planes; p++) {
            for (int i = 0; i < h; i++) {
                int src = (p * h + i) * w;
                int dst = (p * oh + i / kh) * ow;
                for (int j = 0; j < w; j++) {
                    out[dst + j / kw] += in[src + j] * scale;
                }
            }
        }
        return NativeCopy.write(out, m, output.get(dataType, x.size(0), x.size(1), oh, ow));
    }

    @Override
    public INDArray backward(INDArray gy, boolean accumulateParamGrads) {
        int h = (int) inputShape[2];
        int w = (int) inputShape[3];
        int planes = (int) (inputShape[0] * inputShape[1]);
        int oh = h / kh;
        int ow = w / kw;
        int m = planes * oh * ow;
        NativeCopy.read(gy, out, m);
        double scale = 1.0 / (kh * kw);
        for (int p = 0; p < planes; p++) {
            for (int i = 0; i < h; i++) {
                int dst = (p * h + i) * w;
                int src = (p * oh + i / kh) * ow;
                for (int j = 0; j < w; j++) {
                    in[dst + j] = out[src + j / kw] * scale;
                }
            }
        }
        return NativeCopy.write(in, planes * h * w, inputGrad.get(dataType, inputShape));
    }

    static double[] ensure(double[] a, int n) {
        return a.length < n ? new double[n] : a;
    }

    @Override
    public String describe() {
        return kernel == GLOBAL ? "avgpool(global)" : "avgpool(" + kernel + ")";
    }
}
