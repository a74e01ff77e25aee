package dualmcmc.app.latent;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class ClassGroupsTest {
    @Test
    void pointsGoToTheirClassInOrderAndStrayLabelsToTheFirst() {
        int[][] g = ClassGroups.of(new int[]{2, 0, 1, 0, -1, 5, 2}, 3);
        assertArrayEquals(new int[][]{{1, 3, 4, 5}, {2}, {0, 6}}, g);
    }

    @Test
    void withoutClassesEveryPointIsInOneGroup() {
        assertArrayEquals(new int[][]{{0, 1, 2}}, ClassGroups.of(new int[]{-1, -1, -1}, 0));
        assertArrayEquals(new int[][]{{}}, ClassGroups.of(new int[0], 0));
        assertArrayEquals(new int[][]{{}, {}}, ClassGroups.of(new int[0], 2), "empty classes keep their rows");
    }

    @Test
    void aGroupsPointsAreTheSameRows() {
        double[][] e = {{0, 1}, {2, 3}, {4, 5}};
        double[][] p = ClassGroups.points(e, new int[]{2, 0});
        assertEquals(2, p.length);
        assertSame(e[2], p[0]);
        assertSame(e[0], p[1]);
    }

    @Test
    void theFirstGroupWithPoints() {
        assertEquals(0, ClassGroups.firstNonEmpty(new int[][]{{4}, {}}));
        assertEquals(2, ClassGroups.firstNonEmpty(new int[][]{{}, {}, {3}}));
        assertEquals(1, ClassGroups.firstNonEmpty(new int[][]{{}, {}}), "all empty: the last");
    }
}
