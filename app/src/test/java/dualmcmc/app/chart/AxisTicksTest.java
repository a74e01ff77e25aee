package dualmcmc.app.chart;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AxisTicksTest {
    // 10 too: a measured step of 9.99..e-6 is 1e-5
    private static final double[] NICE = {1, 2, 2.5, 5, 10};

    @Test
    void aSymmetricRangeGetsHalvesAndAnExactZero() {
        double[] t = AxisTicks.ticks(-1, 1);
        assertArrayEquals(new double[]{-1, -0.5, 0, 0.5, 1}, t, 1e-12);
        assertEquals(0, Double.compare(0.0, t[2]), "a positive zero, not -0.0 or a rounding residue");
    }

    @Test
    void ticksAreRoundCoverTheRangeAndStayFewFromTinyToLargeRanges() {
        for (int e = -24; e <= 16; e++) {
            double span = Math.pow(10, e / 4.0);
            for (double lo : new double[]{0, -span / 2, -span, 3.7 * span, -1234.5, 0.3, -7e3}) {
                check(lo, lo + span);
            }
        }
    }

    private static void check(double lo, double hi) {
        String range = "[" + lo + ", " + hi + "]";
        double[] t = AxisTicks.ticks(lo, hi);
        assertTrue(t.length >= 2 && t.length <= 6, t.length + " ticks on " + range);
        double measured = t[1] - t[0];
        double mag = Math.pow(10, Math.floor(Math.log10(measured) + 1e-9));
        double step = Double.NaN;
        for (double n : NICE) {
            if (Math.abs(measured / mag - n) < 1e-3) {
                step = n * mag;
            }
        }
        assertTrue(step > 0, "step " + measured + " on " + range);
        // far from zero a tick is only as exact as doubles of that size
        double slack = 1e-6 * step + 16 * Math.ulp(Math.max(Math.abs(lo), Math.abs(hi)));
        for (int i = 0; i < t.length; i++) {
            assertEquals(Math.rint(t[i] / step) * step, t[i], slack, "a multiple of the step: " + t[i]);
            assertTrue(t[i] >= lo - slack && t[i] <= hi + 1e-9, t[i] + " inside " + range);
            if (i > 0) {
                assertEquals(step, t[i] - t[i - 1], slack, "evenly spaced on " + range);
            }
        }
        assertTrue(t[0] - lo < step + slack, "no step's room left below the first tick on " + range);
        assertTrue(hi - t[t.length - 1] < step + slack, "nor above the last on " + range);
    }

    @Test
    void anEmptyOrReversedRangeHasNoTicks() {
        assertEquals(0, AxisTicks.ticks(2, 2).length);
        assertEquals(0, AxisTicks.ticks(0, 0).length);
        assertEquals(0, AxisTicks.ticks(3, 1).length);
    }

    @Test
    void labelsAreShortNumbers() {
        assertEquals("0.5", AxisTicks.label(0.5));
        assertEquals("1000", AxisTicks.label(1000));
        assertEquals("0", AxisTicks.label(-0.0));
        assertEquals("0", AxisTicks.label(0));
        assertEquals("-3", AxisTicks.label(-3));
        assertEquals("2.5", AxisTicks.label(2.5));
        assertEquals("-1.25", AxisTicks.label(-1.25));
        assertEquals("0.3", AxisTicks.label(0.1 + 0.2), "summed steps read as the number meant");
        assertEquals("10000", AxisTicks.label(1e4));
        assertEquals("0.05", AxisTicks.label(0.05));
    }
}
