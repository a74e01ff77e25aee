package dualmcmc.app.chart;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GridLayoutTest {
    // 2 rows x 3 columns of 4x4 images: a 16 x 11 image; 170 px wide leaves 160 for it, 10 px per image pixel
    private final GridLayout at = new GridLayout(170, 200, 2, 3, 4, 4, false, false, List.of());

    @Test
    void theImageHoldsTheCellsAPixelApart() {
        assertEquals(16, GridLayout.imageWidth(3, 4));
        assertEquals(11, GridLayout.imageHeight(2, 4));
        assertEquals(1, GridLayout.imageX(0, 4));
        assertEquals(11, GridLayout.imageX(2, 4));
        assertEquals(6, GridLayout.imageY(1, 4));
        assertEquals(1, GridLayout.imageWidth(0, 4), "an empty grid is still an image");
    }

    @Test
    void theGridIsScaledToTheRoomLeft() {
        assertTrue(at.fits());
        assertEquals(10, at.scale(), 1e-12);
        assertEquals(4, at.left(), 1e-12);
        assertEquals(0, at.top(), 1e-12);
        assertEquals(160, at.width(), 1e-12);
        assertEquals(110, at.height(), 1e-12);
        assertEquals(40, at.pictureWidth(), 1e-12);
        assertEquals(40, at.pictureHeight(), 1e-12);
    }

    @Test
    void screenCellsSitWhereTheImagePutThem() {
        for (int c = 0; c < 3; c++) {
            assertEquals(at.left() + GridLayout.imageX(c, 4) * at.scale(), at.columnX(c), 1e-9);
        }
        for (int r = 0; r < 2; r++) {
            assertEquals(at.top() + GridLayout.imageY(r, 4) * at.scale(), at.rowY(r), 1e-9);
        }
        assertEquals(14 + 50 + 20, at.columnCentre(1), 1e-9);
        assertEquals(10 + 50 + 20, at.rowCentre(1), 1e-9);
    }

    @Test
    void theColumnFrameRunsAlongTheGapsAroundIt() {
        // column 1's picture spans x 64..104; the gaps either side are 54..64 and 104..114
        assertArrayEquals(new double[]{59, 5, 50, 100}, at.columnFrame(1), 1e-9);
    }

    @Test
    void eachPixelFindsItsCellAndGapsFindNone() {
        assertArrayEquals(new int[]{0, 0}, at.cellAt(14, 10), "the first picture pixel");
        assertArrayEquals(new int[]{0, 0}, at.cellAt(53.9, 49.9), "the last");
        assertArrayEquals(new int[]{0, 2}, at.cellAt(120, 20), "row 0, column 2: rows and columns apart");
        assertArrayEquals(new int[]{1, 1}, at.cellAt(64, 60));
        assertArrayEquals(new int[]{1, 2}, at.cellAt(153.9, 99.9));
        assertNull(at.cellAt(54, 20), "the gap between columns 0 and 1");
        assertNull(at.cellAt(20, 50), "the gap between rows 0 and 1");
        assertNull(at.cellAt(13.9, 20), "the left border");
        assertNull(at.cellAt(20, 9.9), "the top border");
        assertNull(at.cellAt(154, 20), "the right border");
        assertNull(at.cellAt(20, 100), "the bottom border");
        assertNull(at.cellAt(165, 20), "right of the grid");
        assertNull(at.cellAt(20, 150), "below it");
        assertNull(at.cellAt(-5, -5));
    }

    @Test
    void titlesAndLabelsTakeTheirRoomAndAWideCanvasCentresTheGrid() {
        GridLayout labelled = new GridLayout(400, 200, 2, 3, 4, 4, true, true, List.of("a", "MSE 0.0123456789"));
        assertEquals(38, labelled.top(), 1e-12, "a title row and a column label row");
        double left = 10 + 6.5 * 16;
        double room = 400 - left - 6;
        double scale = Math.min(room / 16, (200 - 38 - 6) / 11.0);
        assertEquals(scale, labelled.scale(), 1e-12);
        assertEquals(left + (room - 16 * scale) / 2, labelled.left(), 1e-9);
        assertEquals(70, new GridLayout(400, 200, 2, 3, 4, 4, false, false, List.of("a")).left()
                - (400 - 70 - 6 - 16 * 194 / 11.0) / 2, 1e-9, "short row labels still get 70 px");
    }

    @Test
    void aCanvasWithoutRoomDrawsNothing() {
        GridLayout none = new GridLayout(5, 5, 2, 3, 4, 4, false, false, List.of());
        assertFalse(none.fits());
        assertNull(none.cellAt(2, 2));
    }

    @Test
    void aSquareishBlockHoldsEveryCellWithoutAnEmptyRow() {
        assertArrayEquals(new int[]{1, 1}, GridLayout.squareShape(1));
        assertArrayEquals(new int[]{2, 3}, GridLayout.squareShape(5));
        assertArrayEquals(new int[]{3, 3}, GridLayout.squareShape(9));
        assertArrayEquals(new int[]{3, 4}, GridLayout.squareShape(10));
        for (int n = 1; n <= 300; n++) {
            int[] s = GridLayout.squareShape(n);
            assertTrue(s[0] * s[1] >= n, "room for " + n);
            assertTrue((s[0] - 1) * s[1] < n, "no empty row for " + n);
            assertTrue(s[1] - s[0] == 0 || s[1] - s[0] == 1, "square or one column wider for " + n);
        }
    }

    @Test
    void theGapColourIsTheBackgroundsOpaqueArgb() {
        assertEquals(0xff123456, Rgb.argb(Color.rgb(0x12, 0x34, 0x56)));
        assertEquals(0xff123456, Rgb.argb(Color.rgb(0x12, 0x34, 0x56, 0.3)), "alpha dropped");
        assertEquals(Color.web("#f28e2b"), Rgb.color(Rgb.argb(Color.web("#f28e2b"))));
    }
}
