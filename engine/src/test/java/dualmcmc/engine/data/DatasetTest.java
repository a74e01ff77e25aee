package dualmcmc.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class DatasetTest {

    /** Ten 2-D points whose row i is (i, -i), labelled i % 3. */
    private static Dataset tenPoints() {
        double[][] rows = new double[10][];
        int[] labels = new int[10];
        for (int i = 0; i < 10; i++) {
            rows[i] = new double[] {i, -i};
            labels[i] = i % 3;
        }
        MixtureSpec spec = new MixtureSpec(new double[][] {{0, 0}}, 1);
        return new Dataset("ten", SampleShape.vector(2), Nd4j.createFromArray(rows), labels,
                List.of("a", "b", "c"), spec, 2.0);
    }

    @Test
    void storesFloatAndDescribesItself() {
        Dataset d = tenPoints();
        assertEquals(DataType.FLOAT, d.x().dataType());
        assertEquals(10, d.size());
        assertEquals("2-D", d.shape().toString());
        assertFalse(d.shape().isImage());
        assertEquals("ten (10 x 2-D, 3 classes, 1 modes)", d.toString());
    }

    @Test
    void batchGathersFreshRows() {
        Dataset d = tenPoints();
        INDArray b = d.batch(new int[] {7, 2, 7});
        assertEquals(DataType.FLOAT, b.dataType());
        assertArrayEquals(new float[][] {{7, -7}, {2, -2}, {7, -7}}, b.toFloatMatrix());
        b.assign(100);
        assertEquals(7.0, d.x().getDouble(7, 0), "batch must not alias the data");
        assertArrayEquals(new int[] {1, 2, 1}, d.labelsOf(new int[] {7, 2, 7}));
    }

    @Test
    void badIndicesAreRejected() {
        Dataset d = tenPoints();
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> d.batch(new int[] {10}));
        assertTrue(e.getMessage().contains("ten") && e.getMessage().contains("10"), e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> d.labelsOf(new int[] {-1}));
    }

    @Test
    void subsetIsDeterministicPerSeedAndKeepsRowsWithTheirLabels() {
        Dataset d = tenPoints();
        Dataset s1 = d.subset(4, 11);
        Dataset s2 = d.subset(4, 11);
        assertEquals(4, s1.size());
        assertArrayEquals(s1.x().data().asFloat(), s2.x().data().asFloat());
        float[][] rows = s1.x().toFloatMatrix();
        int[] labels = s1.labels();
        for (int i = 0; i < 4; i++) {
            assertEquals(-rows[i][0], rows[i][1]);
            assertEquals((int) rows[i][0] % 3, labels[i]);
        }
        assertEquals(4, Arrays.stream(rows).mapToDouble(r -> r[0]).distinct().count(), "no row twice");
        boolean someSeedDiffers = false;
        for (long seed = 12; seed < 20 && !someSeedDiffers; seed++) {
            someSeedDiffers = !Arrays.equals(s1.x().data().asFloat(), d.subset(4, seed).x().data().asFloat());
        }
        assertTrue(someSeedDiffers);
        assertEquals(d.mixture(), s1.mixture());
        assertEquals(2.0, s1.scale());
        assertThrows(IllegalArgumentException.class, () -> d.subset(11, 0));
    }

    @Test
    void toDataUnitsMultipliesByScaleWithoutTouchingTheInput() {
        Dataset d = tenPoints();
        INDArray data = d.toDataUnits(d.batch(new int[] {3}));
        assertArrayEquals(new float[] {6, -6}, data.toFloatVector());
        assertEquals(3.0, d.x().getDouble(3, 0));
    }

    @Test
    void inconsistentInputsAreRejectedWithTheName() {
        INDArray x = Nd4j.zeros(DataType.FLOAT, 3, 2);
        IllegalArgumentException cols = assertThrows(IllegalArgumentException.class,
                () -> Dataset.ofImages("bad", SampleShape.image(1, 2, 2), x, null, List.of()));
        assertTrue(cols.getMessage().startsWith("bad:"), cols.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Dataset.ofImages("bad", SampleShape.vector(2), x, new int[] {0, 0}, List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> Dataset.ofImages("bad", SampleShape.vector(2), x, new int[] {0, 1, 2}, List.of("a", "b")));
        assertThrows(IllegalArgumentException.class,
                () -> new Dataset("bad", SampleShape.vector(2), x, null, List.of(), null, 0));
        assertThrows(IllegalStateException.class,
                () -> Dataset.ofImages("plain", SampleShape.vector(2), x, null, List.of()).labelsOf(new int[] {0}));
    }

    @Test
    void labelsAndSpecAreDefensivelyCopied() {
        int[] labels = {0, 1, 0};
        Dataset d = Dataset.ofImages("c", SampleShape.vector(2), Nd4j.zeros(DataType.FLOAT, 3, 2), labels,
                List.of("a", "b"));
        labels[0] = 1;
        d.labels()[1] = 0;
        assertArrayEquals(new int[] {0, 1, 0}, d.labels());

        double[][] centres = {{1, 2}};
        MixtureSpec spec = new MixtureSpec(centres, 0.5);
        centres[0][0] = 9;
        spec.centres()[0][1] = 9;
        assertArrayEquals(new double[] {1, 2}, spec.centres()[0]);
        assertEquals(new MixtureSpec(new double[][] {{1, 2}}, 0.5), spec);
        assertNotEquals(new MixtureSpec(new double[][] {{1, 3}}, 0.5), spec);
    }

    @Test
    void sampleShapeSizesAndValidation() {
        assertEquals(3 * 32 * 32, SampleShape.image(3, 32, 32).size());
        assertEquals("3x32x32", SampleShape.image(3, 32, 32).toString());
        assertEquals(new SampleShape(2, 1, 1), SampleShape.vector(2));
        assertTrue(SampleShape.image(1, 1, 8).isImage());
        assertThrows(IllegalArgumentException.class, () -> SampleShape.vector(0));
        assertThrows(IllegalArgumentException.class, () -> new MixtureSpec(new double[][] {{0, 0}, {1}}, 1));
        assertThrows(IllegalArgumentException.class, () -> new MixtureSpec(new double[][] {{0, 0}}, 0));
    }
}
