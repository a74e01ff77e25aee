package dualmcmc.app.chart;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class PlotGeometryTest {
    // a wide canvas and a box twice as wide as high: swapping x and y or their ranges shows
    private final PlotGeometry geo = new PlotGeometry(400, 300, false, -2, 6, 1, 5);

    @Test
    void theSquareFitsTheShorterSideAndIsCentredAcross() {
        // 300 high less 34 below and 10 above; 400 wide less 44 left and 10 right leaves 346
        assertEquals(256, geo.side(), 1e-12);
        assertEquals(44 + (346 - 256) / 2.0, geo.left(), 1e-12);
        assertEquals(10, geo.top(), 1e-12);
    }

    @Test
    void aTitleTakesARowAboveTheSquare() {
        PlotGeometry titled = new PlotGeometry(400, 300, true, -2, 6, 1, 5);
        assertEquals(30, titled.top(), 1e-12);
        assertEquals(236, titled.side(), 1e-12);
        assertEquals(titled.top(), titled.sy(5), 1e-12);
    }

    @Test
    void theBoundsCornersAreThePlotCornersWithYUp() {
        double l = geo.left();
        double t = geo.top();
        double s = geo.side();
        assertCorner(l, t, geo, -2, 5);
        assertCorner(l + s, t, geo, 6, 5);
        assertCorner(l, t + s, geo, -2, 1);
        assertCorner(l + s, t + s, geo, 6, 1);
        assertEquals(l + s / 2, geo.sx(2), 1e-9);
        assertEquals(t + s / 4, geo.sy(4), 1e-9, "a quarter down the square is three quarters up the range");
    }

    private static void assertCorner(double px, double py, PlotGeometry g, double x, double y) {
        assertEquals(px, g.sx(x), 1e-9, "x " + x);
        assertEquals(py, g.sy(y), 1e-9, "y " + y);
    }

    @Test
    void dataToScreenAndBackIsTheIdentity() {
        Random r = new Random(3);
        for (int i = 0; i < 200; i++) {
            double x = -2 + 8 * r.nextDouble();
            double y = 1 + 4 * r.nextDouble();
            double[] d = geo.toData(geo.sx(x), geo.sy(y));
            assertNotNull(d, "inside the box");
            assertEquals(x, d[0], 1e-9);
            assertEquals(y, d[1], 1e-9);
        }
        for (int i = 0; i < 200; i++) {
            double px = geo.left() + geo.side() * r.nextDouble();
            double py = geo.top() + geo.side() * r.nextDouble();
            double[] d = geo.toData(px, py);
            assertEquals(px, geo.sx(d[0]), 1e-9);
            assertEquals(py, geo.sy(d[1]), 1e-9);
        }
    }

    @Test
    void pixelsOutsideTheSquareHaveNoDataPoint() {
        double l = geo.left();
        double t = geo.top();
        double s = geo.side();
        assertNull(geo.toData(l - 0.5, t + s / 2), "left of the square: the y tick labels");
        assertNull(geo.toData(l + s + 0.5, t + s / 2));
        assertNull(geo.toData(l + s / 2, t - 0.5));
        assertNull(geo.toData(l + s / 2, t + s + 0.5), "below the square: the x tick labels");
        assertNotNull(geo.toData(l, t), "the edges belong to the plot");
        assertNotNull(geo.toData(l + s, t + s));
    }

    @Test
    void lengthsConvertPerAxis() {
        assertEquals(8 / 256.0, geo.unitsPerPixel(), 1e-15);
        assertEquals(7, geo.pixelsX(7 * geo.unitsPerPixel()), 1e-9, "a hit radius survives the round trip");
        assertEquals(256, geo.pixelsX(8), 1e-9);
        assertEquals(256, geo.pixelsY(4), 1e-9, "y spans half the units over the same pixels");
    }

    @Test
    void aTinyCanvasStillHasASquareToMapTo() {
        PlotGeometry tiny = new PlotGeometry(30, 30, false, 0, 1, 0, 1);
        assertEquals(10, tiny.side(), 1e-12);
        assertEquals(0.5, tiny.toData(tiny.sx(0.5), tiny.sy(0.5))[0], 1e-12);
    }
}
