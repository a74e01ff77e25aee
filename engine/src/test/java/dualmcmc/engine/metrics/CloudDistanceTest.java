package dualmcmc.engine.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CloudDistanceTest {
    private static final float[][] SQUARE = {{0, 0}, {1, 0}, {0, 1}, {1, 1}};

    @Test
    void samplesOnTheDataAreAtDistanceZeroBothWays() {
        CloudDistance d = CloudDistance.between(SQUARE, SQUARE);
        assertEquals(0, d.toData(), 0);
        assertEquals(0, d.fromData(), 0);
    }

    @Test
    void aShiftedCopyIsAsFarAsTheShift() {
        float[][] shifted = new float[SQUARE.length][];
        for (int i = 0; i < SQUARE.length; i++) {
            shifted[i] = new float[]{SQUARE[i][0] + 0.3f, SQUARE[i][1] + 0.4f};
        }
        CloudDistance d = CloudDistance.between(shifted, SQUARE);
        assertEquals(0.5, d.toData(), 1e-6);
        assertEquals(0.5, d.fromData(), 1e-6);
    }

    @Test
    void collapsedSamplesLieOnTheDataButReachLittleOfIt() {
        float[][] collapsed = {{0, 0}, {0, 0}, {0, 0}};
        CloudDistance d = CloudDistance.between(collapsed, SQUARE);
        assertEquals(0, d.toData(), 0);
        // three corners at 1, 1 and sqrt(2), one at 0
        assertEquals((2 + Math.sqrt(2)) / 4, d.fromData(), 1e-6);
        assertTrue(d.fromData() > d.toData());
    }

    @Test
    void emptySetsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> CloudDistance.between(new float[0][], SQUARE));
    }
}
