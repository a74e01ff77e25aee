package dualmcmc.engine.nn;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Reshape hands out one view per dense source (a chain's buffers), and never a stale copy. */
class ReshapeTest {
    @Test
    void aDenseInputKeepsItsViewWhichFollowsItsValues() {
        Reshape r = new Reshape(1, 2, 3);
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 6);
        INDArray first = r.forward(x);
        x.muli(2);
        INDArray second = r.forward(x);
        assertSame(first, second, "same source, same view");
        assertArrayEquals(new long[]{4, 1, 2, 3}, second.shape());
        assertEquals(x.getFloat(3, 5), second.getFloat(3, 0, 1, 2));
        INDArray other = Nd4j.rand(DataType.FLOAT, 4, 6);
        assertEquals(other.getFloat(2, 4), r.forward(other).getFloat(2, 0, 1, 1), "another source, its own values");
        INDArray g = Nd4j.rand(DataType.FLOAT, 4, 1, 2, 3);
        assertSame(r.backward(g, false), r.backward(g, false));
        assertArrayEquals(new long[]{4, 6}, r.backward(g, false).shape());
    }

    @Test
    void aStridedInputIsCopiedAfreshOnEveryCall() {
        Reshape flat = Reshape.flat();
        INDArray base = Nd4j.rand(DataType.FLOAT, 6, 4);
        INDArray strided = base.transpose();
        assertEquals(base.getFloat(1, 3), flat.forward(strided).getFloat(3, 1));
        base.putScalar(1, 3, 42f);
        assertEquals(42f, flat.forward(strided).getFloat(3, 1), "the copy is remade, not reused");
    }
}
