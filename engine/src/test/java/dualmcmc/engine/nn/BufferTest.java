package dualmcmc.engine.nn;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Layers must not allocate native memory per call: it is only freed when a GC happens to run. */
class BufferTest {
    @Test
    void smallerRequestsReuseTheNativeMemoryAndLargerOnesGrowIt() {
        Buffer b = new Buffer();
        INDArray big = b.get(DataType.FLOAT, 9, 100);
        assertSame(big, b.get(DataType.FLOAT, 9, 100));
        INDArray small = b.get(DataType.FLOAT, 1, 100);
        assertArrayEquals(new long[]{1, 100}, small.shape());
        org.junit.jupiter.api.Assertions.assertEquals(big.data().pointer().address(), small.data().pointer().address(), "same native buffer");
        INDArray bigAgain = b.get(DataType.FLOAT, 9, 100);
        org.junit.jupiter.api.Assertions.assertEquals(big.data().pointer().address(), bigAgain.data().pointer().address());
        INDArray larger = b.get(DataType.FLOAT, 20, 100);
        org.junit.jupiter.api.Assertions.assertNotEquals(big.data().pointer().address(), larger.data().pointer().address());
    }

    @Test
    void reshapesAndFrontViewsAreReadInPlaceNotCopied() {
        INDArray a = Nd4j.create(DataType.FLOAT, 4, 6);
        INDArray reshaped = a.reshape('c', 2, 12);
        assertSame(reshaped, NativeCopy.contiguous(reshaped));
        INDArray front = new Buffer().get(DataType.FLOAT, 2, 3);
        assertSame(front, NativeCopy.contiguous(front));
        INDArray transposed = a.transpose();
        assertNotSame(transposed, NativeCopy.contiguous(transposed), "strided views are copied");
    }
}
