package dualmcmc.engine.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An element-wise non-linearity, computed in plain Java loops on arrays copied in bulk from
 * ND4J's native memory.
 *
 * <p>Measured on the target machines: ND4J's own element-wise transforms cost 50-140 us on a
 * 256x128 array and per-element access to native buffers is slower still; a Langevin step is
 * dominated by exactly this work. Each activation writes its own tight loop over double[] so the
 * JIT compiles it without virtual calls; the loop also keeps what the derivative needs.
 */
public abstract class Activation implements Layer {
    private double[] input = new double[0];
    private double[] output = new double[0];
    private double[] cache = new double[0];
    private final Buffer outputBuffer = new Buffer();
    private final Buffer inputGrad = new Buffer();
    private double[] grad = new double[0];
    private long[] shape;
    private DataType dataType;
    private int n;

    /** y[i] = f(x[i]) for i < n; may fill {@code cache} with what {@link #derivative} needs. */
    protected abstract void apply(double[] x, double[] y, double[] cache, int n);

    /** g[i] *= f'(x[i]) for i < n, given x, y = f(x) and the cache of the forward pass. */
    protected abstract void derivative(double[] x, double[] y, double[] cache, double[] g, int n);

    @Override
    public final INDArray forward(INDArray x) {
        n = (int) x.length();
        shape = x.shape();
        dataType = x.dataType();
        if (input.length < n) {
            input = new double[n];
            output = new double[n];
            cache = new double[n];
            grad = new double[n];
        }
        NativeCopy.read(x, input, n);
        apply(input, output, cache, n);
        return NativeCopy.write(output, n, outputBuffer.get(dataType, shape));
    }

    @Override
    public final INDArray backward(INDArray gy, boolean accumulateParamGrads) {
        NativeCopy.read(gy, grad, n);
        derivative(input, output, cache, grad, n);
        return NativeCopy.write(grad, n, inputGrad.get(dataType, shape));
    }

    public static Activation silu() {
        return new Activation() {
            @Override
            protected void apply(double[] x, double[] y, double[] sigmoid, int n) {
                for (int i = 0; i < n; i++) {
                    double s = 1 / (1 + Math.exp(-x[i]));
                    sigmoid[i] = s;
                    y[i] = x[i] * s;
                }
            }

            @Override
            protected void derivative(double[] x, double[] y, double[] sigmoid, double[] g, int n) {
                for (int i = 0; i < n; i++) {
                    double s = sigmoid[i];
                    g[i] *= s * (1 + x[i] * (1 - s));
                }
            }

            @Override
            public String describe() {
                return "silu";
            }
        };
    }

    public static Activation relu() {
        return leaky(0.0, "relu");
    }

    public static Activation leakyRelu(double slope) {
        return leaky(slope, "leaky_relu(" + slope + ")");
    }

    private static Activation leaky(double slope, String name) {
        return new Activation() {
            @Override
            protected void apply(double[] x, double[] y, double[] unused, int n) {
                for (int i = 0; i < n; i++) {
                    y[i] = x[i] > 0 ? x[i] : slope * x[i];
                }
            }

            @Override
            protected void derivative(double[] x, double[] y, double[] unused, double[] g, int n) {
                for (int i = 0; i < n; i++) {
                    g[i] = x[i] > 0 ? g[i] : slope * g[i];
                }
            }

            @Override
            public String describe() {
                return name;
            }
        };
    }

    public static Activation tanh() {
        return new Activation() {
            @Override
            protected void apply(double[] x, double[] y, double[] unused, int n) {
                for (int i = 0; i < n; i++) {
                    y[i] = Math.tanh(x[i]);
                }
            }

            @Override
            protected void derivative(double[] x, double[] y, double[] unused, double[] g, int n) {
                for (int i = 0; i < n; i++) {
                    g[i] *= 1 - y[i] * y[i];
                }
            }

            @Override
            public String describe() {
                return "tanh";
            }
        };
    }
}
