package dualmcmc.app.chart;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmoothingTest {
    @Test
    void weightZeroIsTheRawCurve() {
        double[] v = {3, -1, 4, 1, -5};
        assertArrayEquals(v, Smoothing.ema(v, 0), 1e-12);
    }

    @Test
    void aConstantStaysConstantFromTheFirstPoint() {
        double[] v = new double[50];
        java.util.Arrays.fill(v, -0.25);
        for (double w : new double[]{0.3, 0.9, 0.99}) {
            for (double s : Smoothing.ema(v, w)) {
                assertEquals(-0.25, s, 1e-12, "de-biased: no ramp up from zero (weight " + w + ")");
            }
        }
    }

    @Test
    void noiseAroundALevelShrinksAsTheWeightGrows() {
        Random r = new Random(1);
        double[] v = new double[2000];
        for (int i = 0; i < v.length; i++) {
            v[i] = 5 + r.nextGaussian();
        }
        double prev = Double.MAX_VALUE;
        for (double w : new double[]{0, 0.5, 0.9, 0.99}) {
            double[] s = Smoothing.ema(v, w);
            double var = 0;
            for (int i = 500; i < s.length; i++) {
                var += (s[i] - 5) * (s[i] - 5);
            }
            var /= s.length - 500;
            // an EMA of unit white noise has variance (1 - w) / (1 + w)
            assertEquals((1 - w) / (1 + w), var, 0.35 * (1 - w) / (1 + w) + 1e-3, "weight " + w);
            assertTrue(var < prev);
            prev = var;
        }
    }

    @Test
    void missingPointsStayMissingAndDoNotPull() {
        double[] s = Smoothing.ema(new double[]{1, Double.NaN, 1, 1}, 0.5);
        assertTrue(Double.isNaN(s[1]));
        assertEquals(1.0, s[2], 1e-12);
        assertEquals(1.0, s[3], 1e-12);
    }

    @Test
    void weightsOutsideTheSlidersRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Smoothing.ema(new double[1], 1.0));
        assertThrows(IllegalArgumentException.class, () -> Smoothing.ema(new double[1], -0.1));
        assertThrows(IllegalArgumentException.class, () -> Smoothing.ema(new double[1], Double.NaN));
    }
}
