package dualmcmc.app.prefs;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A remembered (or default) window always opens wholly on a screen, as large as it fits. */
class WindowPlacementTest {
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1366, 768);

    @Test
    void theDefaultSizeOnASmallerScreenIsShrunkAndCentred() {
        assertEquals(new Rectangle2D(0, 0, 1366, 768), WindowPlacement.fit(Double.NaN, Double.NaN, 1440, 900, LAPTOP));
        assertEquals(new Rectangle2D(183, 84, 1000, 600), WindowPlacement.fit(Double.NaN, Double.NaN, 1000, 600, LAPTOP));
    }

    @Test
    void aPlaceThatWouldRunOffTheScreenIsMovedOntoIt() {
        assertEquals(new Rectangle2D(366, 168, 1000, 600), WindowPlacement.fit(900, 500, 1000, 600, LAPTOP));
        assertEquals(new Rectangle2D(0, 0, 1000, 600), WindowPlacement.fit(-40, -10, 1000, 600, LAPTOP));
        assertEquals(new Rectangle2D(20, 30, 1000, 600), WindowPlacement.fit(20, 30, 1000, 600, LAPTOP));
    }

    @Test
    void aSecondScreenKeepsItsOwnCoordinates() {
        Rectangle2D right = new Rectangle2D(1920, 0, 1280, 1024);
        assertEquals(new Rectangle2D(2000, 100, 1000, 700), WindowPlacement.fit(2000, 100, 1000, 700, right));
    }
}
