package dualmcmc.engine.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.lang.ref.Reference;

/**
 * An element-wise non-linearity. FLOAT arrays, which is what the engine trains and samples with,
 * go through plain Java loops over float[] copied in bulk from ND4J's native memory, or, where an
 * activation has one (leaky ReLU: {@link DnnlLeakyRelu}), a native route over that memory itself;
 * DOUBLE arrays (gradient checks) through ND4J's own exact transforms.
 *
 * <p>Why two paths: measured here on a 256x128 array, ND4J's element-wise transforms cost
 * 50-140 us each, a SiLU through double[] with Math.exp 100-250 us, and the float loop with
 * {@link FloatMath} 30 us plus 4 us per bulk copy; a toy Langevin step is four of these around two
 * matrix products of ~120 us. The exact path is an independent implementation of the same
 * functions, which the tests use to check the fast one.
 */
public abstract class Activation implements Layer {
    private final Buffer outputBuffer = new Buffer();
    private final Buffer inputGrad = new Buffer();
    private float[] input = new float[0];
    private float[] output = new float[0];
    private float[] cache = new float[0];
    private float[] grad = new float[0];
    private INDArray exactInput;
    private INDArray exactOutput;
    /** The forward output when the native route computed it (the backward pass reads it), else null. */
    private INDArray nativeOutput;
    private long[] shape;
    private int n;

    /** y[i] = f(x[i]) for i < n, to float precision; may fill {@code cache} with what {@link #derivative} needs. */
    protected abstract void apply(float[] x, float[] y, float[] cache, int n);

    /** g[i] *= f'(x[i]) for i < n, given x, y = f(x) and the cache of the forward pass. */
    protected abstract void derivative(float[] x, float[] y, float[] cache, float[] g, int n);

    /** f(x) exactly, as a new array. */
    protected abstract INDArray applyExact(INDArray x);

    /** g * f'(x) exactly, as a new array, given y = f(x). */
    protected abstract INDArray derivativeExact(INDArray x, INDArray y, INDArray g);

    /**
     * y = f(x) over the arrays' native memory (dense FLOAT, same length), for activations that have
     * such a route; false (nothing done) otherwise. An activation that has one must take its
     * derivative from y alone: the backward pass then keeps no copy of x.
     */
    protected boolean applyNative(INDArray x, INDArray y) {
        return false;
    }

    /** gx = gy * f'(x) over native memory, given the forward output y; false where it cannot run. */
    protected boolean derivativeNative(INDArray y, INDArray gy, INDArray gx) {
        return false;
    }

    @Override
    public final INDArray forward(INDArray x) {
        shape = x.shape();
        if (x.dataType() != DataType.FLOAT) {
            exactInput = x;
            exactOutput = applyExact(x);
            return exactOutput;
        }
        n = (int) x.length();
        INDArray y = outputBuffer.get(DataType.FLOAT, shape);
        nativeOutput = applyNative(NativeCopy.contiguous(x), y) ? y : null;
        if (nativeOutput != null) {
            return y;
        }
        ensureCapacity();
        NativeCopy.read(x, input, n);
        apply(input, output, cache, n);
        return NativeCopy.write(output, n, y);
    }

    private void ensureCapacity() {
        if (input.length < n) {
            input = new float[n];
            output = new float[n];
            cache = new float[n];
            grad = new float[n];
        }
    }

    @Override
    public final INDArray backward(INDArray gy, boolean accumulateParamGrads) {
        if (gy.dataType() != DataType.FLOAT) {
            return derivativeExact(exactInput, exactOutput, gy);
        }
        INDArray gx = inputGrad.get(DataType.FLOAT, shape);
        if (nativeOutput != null) {
            if (derivativeNative(nativeOutput, NativeCopy.contiguous(gy), gx)) {
                return gx;
            }
            // the forward pass ran natively and kept no copy of x: the derivative comes from y
            ensureCapacity();
            NativeCopy.read(nativeOutput, output, n);
        }
        NativeCopy.read(gy, grad, n);
        derivative(input, output, cache, grad, n);
        return NativeCopy.write(grad, n, gx);
    }

    public static Activation silu() {
        return new Activation() {
            @Override
            protected void apply(float[] x, float[] y, float[] sigmoid, int n) {
                for (int i = 0; i < n; i++) {
                    float s = FloatMath.sigmoid(x[i]);
                    sigmoid[i] = s;
                    y[i] = x[i] * s;
                }
            }

            @Override
            protected void derivative(float[] x, float[] y, float[] sigmoid, float[] g, int n) {
                for (int i = 0; i < n; i++) {
                    float s = sigmoid[i];
                    g[i] *= s * (1 + x[i] * (1 - s));
                }
            }

            @Override
            protected INDArray applyExact(INDArray x) {
                return Transforms.sigmoid(x, true).muli(x);
            }

            @Override
            protected INDArray derivativeExact(INDArray x, INDArray y, INDArray g) {
                INDArray s = Transforms.sigmoid(x, true);
                return s.rsub(1).muli(x).addi(1).muli(s).muli(g);
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
        float a = (float) slope;
        return new Activation() {
            private final DnnlLeakyRelu direct = new DnnlLeakyRelu(this, slope);

            @Override
            protected boolean applyNative(INDArray x, INDArray y) {
                boolean done = direct.forward(x, y);
                Reference.reachabilityFence(this);
                return done;
            }

            @Override
            protected boolean derivativeNative(INDArray y, INDArray gy, INDArray gx) {
                boolean done = direct.backward(y, gy, gx);
                Reference.reachabilityFence(this);
                return done;
            }

            // branch-free: with a branch on the sign the loop mispredicts half the time on
            // activations of random sign and ran 30x slower here (5 ns per element)
            @Override
            protected void apply(float[] x, float[] y, float[] unused, int n) {
                for (int i = 0; i < n; i++) {
                    y[i] = Math.max(x[i], 0f) + a * Math.min(x[i], 0f);
                }
            }

            @Override
            protected void derivative(float[] x, float[] y, float[] unused, float[] g, int n) {
                for (int i = 0; i < n; i++) {
                    // from y, as the native route does (the same as from x for a slope >= 0):
                    // 1 for y > 0 (y * MAX_VALUE >= 1 for every normal y > 0), else 0
                    float positive = Math.min(Math.max(y[i] * Float.MAX_VALUE, 0f), 1f);
                    g[i] *= a + (1 - a) * positive;
                }
            }

            @Override
            protected INDArray applyExact(INDArray x) {
                return x.gt(0).castTo(x.dataType()).muli(1 - slope).addi(slope).muli(x);
            }

            @Override
            protected INDArray derivativeExact(INDArray x, INDArray y, INDArray g) {
                return x.gt(0).castTo(x.dataType()).muli(1 - slope).addi(slope).muli(g);
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
            protected void apply(float[] x, float[] y, float[] unused, int n) {
                for (int i = 0; i < n; i++) {
                    y[i] = FloatMath.tanh(x[i]);
                }
            }

            @Override
            protected void derivative(float[] x, float[] y, float[] unused, float[] g, int n) {
                for (int i = 0; i < n; i++) {
                    g[i] *= 1 - y[i] * y[i];
                }
            }

            @Override
            protected INDArray applyExact(INDArray x) {
                return Transforms.tanh(x, true);
            }

            @Override
            protected INDArray derivativeExact(INDArray x, INDArray y, INDArray g) {
                return y.mul(y).rsub(1).muli(g);
            }

            @Override
            public String describe() {
                return "tanh";
            }
        };
    }
}
