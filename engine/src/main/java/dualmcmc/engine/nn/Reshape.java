package dualmcmc.engine.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

/** Views each sample as the given shape (e.g. flat 784 -> 1x28x28, or back with {@link #flat}). */
public final class Reshape implements Layer {
    private final long[] sampleShape;
    private long[] inputShape;

    public Reshape(long... sampleShape) {
        this.sampleShape = sampleShape.clone();
    }

    /** Flattens each sample to a vector (nn.Flatten). */
    public static Reshape flat() {
        return new Reshape();
    }

    @Override
    public INDArray forward(INDArray x) {
        inputShape = x.shape();
        long[] shape;
        if (sampleShape.length == 0) {
            shape = new long[]{x.size(0), x.length() / x.size(0)};
        } else {
            shape = new long[sampleShape.length + 1];
            shape[0] = x.size(0);
            System.arraycopy(sampleShape, 0, shape, 1, sampleShape.length);
        }
        return NativeCopy.contiguous(x).reshape('c', shape);
    }

    @Override
    public INDArray backward(INDArray gy, boolean accumulateParamGrads) {
        return NativeCopy.contiguous(gy).reshape('c', inputShape);
    }

    @Override
    public String describe() {
        return sampleShape.length == 0 ? "flatten" : "reshape" + Arrays.toString(sampleShape);
    }
}
