package dualmcmc.app.chart;

import org.junit.jupiter.api.Test;

import java.util.function.DoubleBinaryOperator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContoursTest {
    /** values[j][i] at the cell centres of an nx x ny grid over the box, as PlotCanvas's heatmaps are. */
    private static double[][] field(DoubleBinaryOperator f, int nx, int ny, double xmin, double xmax, double ymin,
                                    double ymax) {
        double[][] v = new double[ny][nx];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                v[j][i] = f.applyAsDouble(xmin + (i + 0.5) * (xmax - xmin) / nx, ymin + (j + 0.5) * (ymax - ymin) / ny);
            }
        }
        return v;
    }

    @Test
    void levelsSplitTheRangeEvenlyLeavingOutItsEnds() {
        assertArrayEquals(new double[]{1, 2, 3, 4, 5, 6, 7}, Contours.levels(0, 8, 7), 1e-12);
        assertArrayEquals(new double[]{-1}, Contours.levels(-3, 1, 1), 1e-12);
    }

    @Test
    void circlesOfTheSquaredRadiusLieAtTheRootOfTheLevel() {
        int n = 40;
        double cell = 4.0 / n;
        double[] levels = {0.25, 1, 2.5};
        double[][] seg = Contours.segments(field((x, y) -> x * x + y * y, n, n, -2, 2, -2, 2), -2, 2, -2, 2, levels);
        assertEquals(levels.length, seg.length);
        for (int l = 0; l < levels.length; l++) {
            double r = Math.sqrt(levels[l]);
            assertTrue(seg[l].length >= 4 * 8, "a closed curve of many segments at level " + levels[l]);
            double sx = 0;
            double sy = 0;
            double length = 0;
            for (int m = 0; m < seg[l].length; m += 2) {
                double x = seg[l][m];
                double y = seg[l][m + 1];
                assertEquals(r, Math.hypot(x, y), cell / 2, "endpoint (" + x + ", " + y + ")");
                sx += x;
                sy += y;
            }
            for (int m = 0; m < seg[l].length; m += 4) {
                length += Math.hypot(seg[l][m + 2] - seg[l][m], seg[l][m + 3] - seg[l][m + 1]);
            }
            int points = seg[l].length / 2;
            // a half-cell shift of every endpoint would move the centre by cell / 2
            assertEquals(0, sx / points, cell / 20, "centred on the origin in x");
            assertEquals(0, sy / points, cell / 20, "centred on the origin in y");
            assertEquals(2 * Math.PI * r, length, 0.03 * 2 * Math.PI * r, "the circumference");
        }
    }

    @Test
    void aLinearFieldGivesStraightParallelSegmentsOnItsLevelLines() {
        // 2x - y on a non-square grid over a non-square box: x and y mixed up would miss the lines
        double xmin = -1;
        double xmax = 3;
        double ymin = 0;
        double ymax = 2;
        // levels through no sample: one through a sample gives a zero-length segment at it
        double[] levels = {-0.9, 0.55, 2.9};
        double[][] seg = Contours.segments(field((x, y) -> 2 * x - y, 30, 17, xmin, xmax, ymin, ymax),
                xmin, xmax, ymin, ymax, levels);
        for (int l = 0; l < levels.length; l++) {
            assertTrue(seg[l].length > 0, "level " + levels[l] + " crosses the box");
            for (int m = 0; m < seg[l].length; m += 4) {
                double x0 = seg[l][m];
                double y0 = seg[l][m + 1];
                double x1 = seg[l][m + 2];
                double y1 = seg[l][m + 3];
                assertEquals(levels[l], 2 * x0 - y0, 1e-9, "linear interpolation is exact on a linear field");
                assertEquals(levels[l], 2 * x1 - y1, 1e-9);
                double len = Math.hypot(x1 - x0, y1 - y0);
                assertTrue(len > 0, "no degenerate segment");
                // along (1, 2): the cross product with it vanishes, whichever way the segment runs
                assertEquals(0, ((x1 - x0) * 2 - (y1 - y0)) / len, 1e-9, "parallel to the level line");
            }
        }
    }

    @Test
    void aLevelLineStaysInsideTheCellCentres() {
        double[][] seg = Contours.segments(field((x, y) -> x, 10, 10, 0, 10, 0, 10), 0, 10, 0, 10, new double[]{5});
        for (int m = 0; m < seg[0].length; m += 2) {
            assertEquals(5, seg[0][m], 1e-12);
            double y = seg[0][m + 1];
            assertTrue(y >= 0.5 - 1e-12 && y <= 9.5 + 1e-12, "between the first and last row's centres: " + y);
        }
        assertEquals(9 * 4, seg[0].length, "one segment per cell row between centres");
    }

    @Test
    void aConstantFieldHasNoContours() {
        double[][] flat = field((x, y) -> 3, 12, 9, 0, 1, 0, 1);
        double[][] seg = Contours.segments(flat, 0, 1, 0, 1, new double[]{2, 3, 4});
        for (double[] s : seg) {
            assertEquals(0, s.length);
        }
    }

    @Test
    void aLevelOutsideTheValuesHasNoContour() {
        double[][] seg = Contours.segments(field((x, y) -> x + y, 8, 8, 0, 1, 0, 1), 0, 1, 0, 1,
                new double[]{-5, 5});
        assertEquals(0, seg[0].length);
        assertEquals(0, seg[1].length);
    }
}
