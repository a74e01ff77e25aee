package dualmcmc.engine.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

/**
 * An element-wise non-linearity, computed in plain Java loops over ND4J's native memory.
 *
 * <p>Measured on the target machines: ND4J's own element-wise transforms cost 50-140 us on a
 * 256x128 array while a Java loop over the same memory takes a fraction of that; a Langevin step
 * is dominated by exactly this work.
 */
public abstract class Activation implements Layer {
    private INDArray input;
    private INDArray output;

    /** f(x). */
    protected abstract double value(double x);

    /** f'(x), given x and y = f(x) (whichever is cheaper). */
    protected abstract double derivative(double x, double y);

    @Override
    public final INDArray forward(INDArray x) {
        input = contiguous(x);
        output = Nd4j.createUninitialized(x.dataType(), x.shape());
        int n = (int) x.length();
        if (x.dataType() == DataType.FLOAT) {
            FloatBuffer in = input.data().asNioFloat();
            FloatBuffer out = output.data().asNioFloat();
            for (int i = 0; i < n; i++) {
                out.put(i, (float) value(in.get(i)));
            }
        } else {
            DoubleBuffer in = input.data().asNioDouble();
            DoubleBuffer out = output.data().asNioDouble();
            for (int i = 0; i < n; i++) {
                out.put(i, value(in.get(i)));
            }
        }
        return output;
    }

    @Override
    public final INDArray backward(INDArray gy, boolean accumulateParamGrads) {
        INDArray g = contiguous(gy);
        INDArray gx = Nd4j.createUninitialized(g.dataType(), g.shape());
        int n = (int) g.length();
        if (g.dataType() == DataType.FLOAT) {
            FloatBuffer in = input.data().asNioFloat();
            FloatBuffer out = output.data().asNioFloat();
            FloatBuffer go = g.data().asNioFloat();
            FloatBuffer gi = gx.data().asNioFloat();
            for (int i = 0; i < n; i++) {
                gi.put(i, (float) (go.get(i) * derivative(in.get(i), out.get(i))));
            }
        } else {
            DoubleBuffer in = input.data().asNioDouble();
            DoubleBuffer out = output.data().asNioDouble();
            DoubleBuffer go = g.data().asNioDouble();
            DoubleBuffer gi = gx.data().asNioDouble();
            for (int i = 0; i < n; i++) {
                gi.put(i, go.get(i) * derivative(in.get(i), out.get(i)));
            }
        }
        return gx;
    }

    /** Loops index the raw buffer, so the array must be dense, 'c' ordered and unshifted. */
    static INDArray contiguous(INDArray a) {
        boolean plain = a.ordering() == 'c' && !a.isView() && a.offset() == 0
                && a.data().length() == a.length();
        return plain ? a : a.dup('c');
    }

    public static Activation silu() {
        return new Activation() {
            @Override
            protected double value(double x) {
                return x / (1 + Math.exp(-x));
            }

            @Override
            protected double derivative(double x, double y) {
                double s = 1 / (1 + Math.exp(-x));
                return s * (1 + x * (1 - s));
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
            protected double value(double x) {
                return x > 0 ? x : slope * x;
            }

            @Override
            protected double derivative(double x, double y) {
                return x > 0 ? 1 : slope;
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
            protected double value(double x) {
                return Math.tanh(x);
            }

            @Override
            protected double derivative(double x, double y) {
                return 1 - y * y;
            }

            @Override
            public String describe() {
                return "tanh";
            }
        };
    }
}
