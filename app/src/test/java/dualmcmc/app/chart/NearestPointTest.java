package dualmcmc.app.chart;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NearestPointTest {
    private final double[][] pts = {{0, 0}, {1, 0}, {0, 1}, {3, 3}};

    @Test
    void theNearestPointWithinTheRadiusIsHit() {
        assertEquals(1, NearestPoint.within(pts, 0.9, 0.1, 0.5), "(1, 0), not its mirror (0, 1)");
        assertEquals(2, NearestPoint.within(pts, 0.1, 0.9, 0.5));
        assertEquals(0, NearestPoint.within(pts, 0.2, 0.1, 2), "several inside: the nearest");
        assertEquals(3, NearestPoint.within(pts, 2.8, 3.1, 0.5));
    }

    @Test
    void nothingOutsideTheRadiusIsHit() {
        assertEquals(-1, NearestPoint.within(pts, 2, 2, 0.5));
        assertEquals(-1, NearestPoint.within(pts, 1.5, 0, 0.5), "exactly at the radius is outside");
        assertEquals(1, NearestPoint.within(pts, 1.5, 0, 0.5 + 1e-9));
        assertEquals(-1, NearestPoint.within(new double[0][], 0, 0, 10));
    }

    @Test
    void aTieGoesToTheFirstPoint() {
        assertEquals(0, NearestPoint.within(pts, 0.5, 0.5, 1), "(0, 0), (1, 0) and (0, 1) are equally near");
    }

    @Test
    void theCentralPointIsTheGroupsNearestToItsMean() {
        double[][] e = {{10, 10}, {0, 0}, {2, 0}, {1, 0.2}, {1, 3}, {-40, -40}};
        // the group's mean is (1, 0.8): (1, 0.2) is nearest; points outside the group do not count
        assertEquals(3, NearestPoint.central(e, new int[]{1, 2, 3, 4}));
        assertEquals(4, NearestPoint.central(e, new int[]{0, 2, 4}), "mean (13/3, 13/3): (1, 3) is nearest");
        assertEquals(5, NearestPoint.central(e, new int[]{5}));
        assertEquals(-1, NearestPoint.central(e, new int[0]));
    }
}
