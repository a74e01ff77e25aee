package dualmcmc.engine.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

/**
 * A reusable array (a layer's output, a model's gradient buffer). Allocating an ND4J array costs tens of microseconds here, as
 * much as the arithmetic of a small layer, and its native memory is only freed when the Java GC
 * collects the wrapper, which with few Java objects around can take gigabytes of churn. A Langevin
 * chain calls the same layer with the same shapes hundreds of times, so each layer keeps its
 * memory: a request that fits in what is held (e.g. the smaller last chunk of a batch) gets an
 * array over the front of the same native buffer; only a larger request allocates.
 * What a layer returns is therefore valid until that layer runs again ({@link Network} copies its
 * final results for callers).
 */
public final class Buffer {
    private INDArray storage;
    private INDArray array;

    public INDArray get(DataType type, long... shape) {
        if (array != null && array.dataType() == type && Arrays.equals(array.shape(), shape)) {
            return array;
        }
        long n = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        if (storage == null || storage.dataType() != type || storage.length() < n) {
            storage = Nd4j.createUninitialized(type, n);
        }
        array = Nd4j.create(storage.data(), shape);
        return array;
    }
}
