package dualmcmc.engine.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

/**
 * A layer's reusable output array. Allocating an ND4J array costs tens of microseconds here, as
 * much as the arithmetic of a small layer, and a Langevin chain calls the same layer with the same
 * shapes hundreds of times; so each layer keeps its arrays and reallocates only when the shape changes.
 * What a layer returns is therefore valid until that layer runs again ({@link Network} copies its
 * final results for callers).
 */
final class Buffer {
    private INDArray array;

    INDArray get(DataType type, long... shape) {
        if (array == null || array.dataType() != type || !Arrays.equals(array.shape(), shape)) {
            array = Nd4j.createUninitialized(type, shape);
        }
        return array;
    }
}
