package dualmcmc.app.chart;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeatScaleTest {
    @Test
    void theRangeIsRobustToAFewExtremes() {
        double[][] v = new double[10][10];
        for (int j = 0; j < 10; j++) {
            for (int i = 0; i < 10; i++) {
                v[j][i] = j * 10 + i;
            }
        }
        v[9][9] = 1e9;
        v[0][0] = Double.POSITIVE_INFINITY;
        v[5][5] = Double.NaN;
        // 98 finite values 1..99 without 55: the 1st and 97th percentiles by index
        assertArrayEquals(new double[]{1, 96}, HeatScale.range(v), 1e-12);
    }

    @Test
    void aFlatFieldStillHasARangeToDivideBy() {
        double[] r = HeatScale.range(new double[][]{{2, 2}, {2, 2}});
        assertTrue(r[1] > r[0] && r[0] == 2, "lo is the value, hi just above");
    }

    @Test
    void nothingFiniteHasNoRange() {
        assertNull(HeatScale.range(new double[][]{{Double.NaN, Double.NEGATIVE_INFINITY}}));
    }
}
