package dualmcmc.engine.session;

import dualmcmc.engine.data.Datasets;
import dualmcmc.engine.util.Nd4jSetup;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What views know of a data set: a drawable subset, square plot bounds, its shape in words. */
class DataInfoTest {
    @Test
    void theBoundsAreASquareAroundThePointsWithAMargin() {
        double[] b = DataInfo.squareBounds(new double[][]{{0, 0}, {4, 1}, {2, -1}});
        // centre (2, 0), half of the larger side (4) = 2, times 1.3, plus a hair
        assertArrayEquals(new double[]{2 - 2.6 - 1e-3, 2 + 2.6 + 1e-3, -2.6 - 1e-3, 2.6 + 1e-3}, b, 1e-12);
        assertEquals(b[1] - b[0], b[3] - b[2], 1e-12, "square, so distances look like distances");
    }

    @Test
    void pointsAndImagesAreDescribedAsViewsDrawThem() throws Exception {
        Nd4jSetup.init();
        DataInfo ring = DataInfo.of(Datasets.load("ring8", null, 1), 1);
        assertFalse(ring.image());
        assertTrue(ring.points().length <= 1500);
        assertEquals(8, ring.modes());
        assertTrue(ring.describe().startsWith("ring8 \u00b7 "), ring.describe());
        assertTrue(ring.describe().contains("2-D points \u00b7 8 modes"), ring.describe());
        DataInfo digits = DataInfo.of(Datasets.load("digits", null, 1), 1);
        assertTrue(digits.image());
        assertNull(digits.points());
        assertEquals(64, digits.images().length);
        assertEquals(digits.dim(), digits.images()[0].length);
        assertTrue(digits.describe().contains("1\u00d78\u00d78 images \u00b7 10 classes"), digits.describe());
    }
}
