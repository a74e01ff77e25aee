package dualmcmc.engine.nn;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FastMathTest {
    @Test
    void expMatchesMathExpToNineDigitsOverItsRange() {
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 200_000; i++) {
            double x = r.nextDouble(-700, 700);
            double want = Math.exp(x);
            assertEquals(want, FastMath.exp(x), 1e-9 * want, "exp(" + x + ")");
        }
    }

    @Test
    void edgeCases() {
        assertEquals(1.0, FastMath.exp(0), 0);
        assertEquals(0.0, FastMath.exp(-1000), 0);
        assertEquals(Double.POSITIVE_INFINITY, FastMath.exp(1000));
        assertTrue(Double.isNaN(FastMath.exp(Double.NaN)));
        assertEquals(1.0, FastMath.tanh(50), 0);
        assertEquals(Math.tanh(0.3), FastMath.tanh(0.3), 1e-12);
        assertEquals(0.5, FastMath.sigmoid(0), 0);
    }
}
