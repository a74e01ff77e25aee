package dualmcmc.engine.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Bilinear upsampling of NCHW input by 2, as torch's F.interpolate(x, scale_factor=2,
 * mode='bilinear', align_corners=...). With align_corners=False (nn.Upsample's default) output
 * pixel centres map to input coordinate (o + 0.5) / 2 - 0.5, clamped at 0; with True the corner
 * pixels of input and output coincide: o (in - 1) / (out - 1). Each output is a weighted sum of
 * at most four inputs, separably along rows and columns; the backward pass is the adjoint,
 * scattering each output gradient back onto those inputs with the same weights.
 */
public final class BilinearUpsample implements Layer {
    private static final int FACTOR = 2;
    private final boolean alignCorners;
    private final Buffer output = new Buffer();
    private final Buffer inputGrad = new Buffer();
    private double[] in = new double[0];
    private double[] out = new double[0];
    private long[] inputShape;
    private DataType dataType;
    private Axis rows;
    private Axis cols;

    public BilinearUpsample(boolean alignCorners) {
        this.alignCorners = alignCorners;
    }

    /** For each output index along one axis: the two input indices and the weight of the second. */
    private record Axis(int size, int[] lo, int[] hi, double[] wHi) {
        static Axis of(int inSize, boolean alignCorners) {
            int outSize = inSize * FACTOR;
            int[] lo = new int[outSize];
            int[] hi = new int[outSize];
            double[] wHi = new double[outSize];
            for (int o = 0; o < outSize; o++) {
                double src = alignCorners
                        ? (outSize > 1 ? o * (inSize - 1.0) / (outSize - 1) : 0)
                        : Math.max(0, (o + 0.5) / FACTOR - 0.5);
                lo[o] = Math.min((int) src, inSize - 1);
                hi[o] = Math.min(lo[o] + 1, inSize - 1);
                wHi[o] = src - lo[o];
            }
            return new Axis(inSize, lo, hi, wHi);
        }
    }

    @Override
    public long[] outputShape(long[] input) {
        return new long[]{input[0], input[1] * FACTOR, input[2] * FACTOR};
    }

    @Override
    public INDArray forward(INDArray x) {
        if (x.rank() != 4) {
            throw new IllegalArgumentException(describe() + " expects NCHW input, got "
                    + java.util.Arrays.toString(x.shape()));
        }
        inputShape = x.shape();
        dataType = x.dataType();
        int h = (int) x.size(2);
        int w = (int) x.size(3);
        if (rows == null || rows.size() != h) {
            rows = Axis.of(h, alignCorners);
        }
        if (cols == null || cols.size() != w) {
            cols = Axis.of(w, alignCorners);
        }
        int planes = (int) (x.size(0) * x.size(1));
        int oh = h * FACTOR;
        int ow = w * FACTOR;
        in = AvgPool2d.ensure(in, planes * h * w);
        out = AvgPool2d.ensure(out, planes * oh * ow);
        NativeCopy.read(x, in, planes * h * w);
        for (int p = 0; p < planes; p++) {
            int src = p * h * w;
            for (int i = 0; i < oh; i++) {
                int r0 = src + rows.lo[i] * w;
                int r1 = src + rows.hi[i] * w;
                double b = rows.wHi[i];
                int dst = (p * oh + i) * ow;
                for (int j = 0; j < ow; j++) {
                    int c0 = cols.lo[j];
                    int c1 = cols.hi[j];
                    double a = cols.wHi[j];
                    double top = in[r0 + c0] + a * (in[r0 + c1] - in[r0 + c0]);
                    double bottom = in[r1 + c0] + a * (in[r1 + c1] - in[r1 + c0]);
                    out[dst + j] = top + b * (bottom - top);
                }
            }
        }
        return NativeCopy.write(out, planes * oh * ow, output.get(dataType, x.size(0), x.size(1), oh, ow));
    }

    @Override
    public INDArray backward(INDArray gy, boolean accumulateParamGrads) {
        int h = (int) inputShape[2];
        int w = (int) inputShape[3];
        int planes = (int) (inputShape[0] * inputShape[1]);
        int oh = h * FACTOR;
        int ow = w * FACTOR;
        NativeCopy.read(gy, out, planes * oh * ow);
        java.util.Arrays.fill(in, 0, planes * h * w, 0.0);
        for (int p = 0; p < planes; p++) {
            int src = p * h * w;
            for (int i = 0; i < oh; i++) {
                int r0 = src + rows.lo[i] * w;
                int r1 = src + rows.hi[i] * w;
                double b = rows.wHi[i];
                int dst = (p * oh + i) * ow;
                for (int j = 0; j < ow; j++) {
                    double g = out[dst + j];
                    double a = cols.wHi[j];
                    int c0 = cols.lo[j];
                    int c1 = cols.hi[j];
                    in[r0 + c0] += (1 - b) * (1 - a) * g;
                    in[r0 + c1] += (1 - b) * a * g;
                    in[r1 + c0] += b * (1 - a) * g;
                    in[r1 + c1] += b * a * g;
                }
            }
        }
        return NativeCopy.write(in, planes * h * w, inputGrad.get(dataType, inputShape));
    }

    @Override
    public String describe() {
        return "bilinear(x" + FACTOR + (alignCorners ? ",align_corners" : "") + ")";
    }
}
