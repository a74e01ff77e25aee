package dualmcmc.app.latent;

import dualmcmc.engine.session.DataInfo;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MapGeometryTest {
    private final double[][] pts = {{0, 0}, {4, 1}, {2, -1}, {3, 0.5}};

    @Test
    void theBoxIsASquareAroundThePointsWithASmallMargin() {
        double half = 4 / 2.0 * 1.06 + 1e-9;
        assertArrayEquals(new double[]{2 - half, 2 + half, -half, half}, MapGeometry.bounds(pts), 1e-12);
    }

    @Test
    void theLongerExtentSetsTheSideWhicheverAxisItIs() {
        double[][] tall = {{0, 0}, {1, 4}, {0.5, -2}};
        double[] b = MapGeometry.bounds(tall);
        assertEquals(b[1] - b[0], b[3] - b[2], 1e-12, "square");
        assertEquals(6 * 1.06, b[3] - b[2], 1e-6);
        assertEquals(0.5, (b[0] + b[1]) / 2, 1e-12, "centred across");
        assertEquals(1, (b[2] + b[3]) / 2, 1e-12, "centred up and down");
    }

    @Test
    void aSinglePointStillHasABox() {
        double[] b = MapGeometry.bounds(new double[][]{{3, -2}});
        assertTrue(b[1] > b[0] && b[3] > b[2]);
        assertTrue(b[0] < 3 && b[1] > 3 && b[2] < -2 && b[3] > -2);
    }

    @Test
    void theDataPlotsKeepTheirWiderMarginFromTheSameFunction() {
        double half = 4 / 2.0 * 1.3 + 1e-3;
        assertArrayEquals(new double[]{2 - half, 2 + half, -half, half}, DataInfo.squareBounds(pts), 1e-12);
    }

    @Test
    void theCardGoesRightOfThePointOrLeftNearTheEdge() {
        assertArrayEquals(new double[]{114, 80}, MapGeometry.card(100, 100, 50, 40, 400, 300), 1e-12);
        assertArrayEquals(new double[]{350, 80}, MapGeometry.card(336, 100, 50, 40, 400, 300), 1e-12,
                "just fits on the right");
        assertArrayEquals(new double[]{316, 80}, MapGeometry.card(380, 100, 50, 40, 400, 300), 1e-12,
                "flipped to the left");
    }

    @Test
    void theCardStaysInsideTheAreaVertically() {
        assertEquals(4, MapGeometry.card(100, 5, 50, 40, 400, 300)[1], 1e-12);
        assertEquals(256, MapGeometry.card(100, 295, 50, 40, 400, 300)[1], 1e-12);
    }

    @Test
    void thumbnailsAreEnlargedToAboutFiftySixPixelsAndAtLeastThreefold() {
        assertEquals(7, MapGeometry.zoom(8, 8));
        assertEquals(3, MapGeometry.zoom(28, 28));
        assertEquals(3, MapGeometry.zoom(64, 64));
        assertEquals(6, MapGeometry.zoom(3, 10), "the longer side counts");
        assertEquals(6, MapGeometry.zoom(10, 3));
    }
}
