package dualmcmc.engine.metrics;

import dualmcmc.engine.util.Rng;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrechetDistanceTest {
    private static INDArray gaussian(int n, int d, long seed) {
        return Rng.of(seed).gaussian(n, d).castTo(DataType.DOUBLE);
    }

    @Test
    void aSetIsAtDistanceZeroFromItself() {
        INDArray a = gaussian(500, 8, 1).muli(3).addi(1);
        assertEquals(0, FrechetDistance.between(a, a), 1e-8);
    }

    @Test
    void matchesTheClosedFormForGaussiansWithKnownMomentsAndGrowsWithNoise() {
        // 1-D per axis, independent: FD = sum_d (m1 - m2)^2 + (s1 - s2)^2
        INDArray a = gaussian(20000, 3, 2);
        INDArray b = gaussian(20000, 3, 3).muli(2).addi(0.5);
        double expected = 3 * (0.25 + 1.0);
        assertEquals(expected, FrechetDistance.between(a, b), 0.08 * expected);

        double previous = FrechetDistance.between(a, gaussian(20000, 3, 4));
        assertTrue(previous < 0.02, "two samples of one Gaussian: " + previous);
        for (double noise : new double[]{0.5, 1.0, 2.0}) {
            INDArray noisy = gaussian(20000, 3, 4).addi(gaussian(20000, 3, 5).muli(noise));
            double fd = FrechetDistance.between(a, noisy);
            assertTrue(fd > previous, "noise " + noise + ": " + fd + " after " + previous);
            previous = fd;
        }
    }

    @Test
    void correlatedCovariancesUseTheMatrixSquareRoot() {
        // C1 = diag(1, 4), C2 = diag(4, 1): tr(C1 + C2 - 2 (C1 C2)^(1/2)) = 10 - 2 * (2 + 2) = 2
        INDArray a = gaussian(40000, 2, 6).mulRowVector(Nd4j.createFromArray(1.0, 2.0));
        INDArray b = gaussian(40000, 2, 7).mulRowVector(Nd4j.createFromArray(2.0, 1.0));
        assertEquals(2.0, FrechetDistance.between(a, b), 0.15);
    }

    @Test
    void mismatchedWidthsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> FrechetDistance.between(gaussian(10, 2, 1), gaussian(10, 3, 1)));
    }
}
