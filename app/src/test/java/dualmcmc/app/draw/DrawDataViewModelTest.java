package dualmcmc.app.draw;

import dualmcmc.engine.data.DrawnData;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DrawDataViewModelTest {
    @Test
    void aBrushDabPutsItsPointsInsideTheDiscAndSpreadsThem() {
        DrawDataViewModel vm = new DrawDataViewModel(1);
        vm.setRadius(0.2);
        vm.setDensity(400);
        vm.press(0.3, -0.2);
        vm.release();
        float[][] pts = vm.points();
        assertEquals(400, pts.length);
        double inner = 0;
        for (float[] p : pts) {
            double d = Math.hypot(p[0] - 0.3, p[1] + 0.2);
            assertTrue(d <= 0.2 + 1e-6, "outside the disc: " + Arrays.toString(p));
            inner += d < 0.2 / Math.sqrt(2) ? 1 : 0;
        }
        // uniform over the area: half the points inside the disc of half the area, not crowded at the centre
        assertEquals(0.5, inner / pts.length, 0.08);
    }

    @Test
    void aDragDabsEvenlyAlongItsPathWhateverTheMouseEvents() {
        DrawDataViewModel fine = new DrawDataViewModel(2);
        DrawDataViewModel coarse = new DrawDataViewModel(2);
        for (DrawDataViewModel vm : new DrawDataViewModel[] {fine, coarse}) {
            vm.setRadius(0.125);
            vm.setDensity(5);
            vm.press(-1, 0);
        }
        for (int i = 1; i <= 128; i++) {
            fine.drag(-1 + i / 64.0, 0);
        }
        coarse.drag(1, 0);
        // a dab every half radius over a length of 2: 32 dabs after the first
        assertEquals(5 * 33, fine.count());
        assertEquals(fine.count(), coarse.count());
        for (float[] p : coarse.points()) {
            assertTrue(p[0] >= -1.125 - 1e-6 && p[0] <= 1.125 + 1e-6 && Math.abs(p[1]) <= 0.125 + 1e-6, Arrays.toString(p));
        }
        assertEquals(1, coarse.strokeCount(), "one drag is one stroke");
    }

    @Test
    void aBlobIsAGaussianCloudAroundTheClick() {
        DrawDataViewModel vm = new DrawDataViewModel(3);
        vm.setTool(DrawDataViewModel.Tool.BLOB);
        vm.setRadius(0.2);
        vm.setBlobPoints(2000);
        vm.press(0.5, 0.4);
        vm.drag(-0.5, -0.4);
        vm.release();
        float[][] pts = vm.points();
        assertEquals(2000, pts.length, "a blob ignores the drag");
        double mx = Arrays.stream(pts).mapToDouble(p -> p[0]).average().orElseThrow();
        double my = Arrays.stream(pts).mapToDouble(p -> p[1]).average().orElseThrow();
        double var = Arrays.stream(pts).mapToDouble(p -> (p[0] - mx) * (p[0] - mx)).average().orElseThrow();
        assertEquals(0.5, mx, 0.01);
        assertEquals(0.4, my, 0.01);
        assertEquals(0.1, Math.sqrt(var), 0.01, "standard deviation: half the brush radius");
    }

    @Test
    void pointsOffTheCanvasAreNotKept() {
        DrawDataViewModel vm = new DrawDataViewModel(4);
        vm.setRadius(0.4);
        vm.setDensity(200);
        vm.press(1.3, 1.3);
        assertTrue(vm.count() > 0 && vm.count() < 100, "about a quarter of the disc is on the canvas: " + vm.count());
        for (float[] p : vm.points()) {
            assertTrue(p[0] <= 1.3 && p[1] <= 1.3);
        }
    }

    @Test
    void undoTakesBackExactlyTheLastStrokeAndClearEmpties() {
        DrawDataViewModel vm = new DrawDataViewModel(5);
        vm.press(-0.5, -0.5);
        vm.drag(0, -0.5);
        vm.release();
        float[][] first = vm.points();
        vm.setTool(DrawDataViewModel.Tool.BLOB);
        vm.press(0.6, 0.6);
        assertEquals(first.length + vm.blobPoints(), vm.count());
        assertEquals(2, vm.strokeCount());

        assertTrue(vm.undo());
        assertEquals(1, vm.strokeCount());
        assertArrayEquals(first, vm.points(), "the first stroke is untouched");
        assertTrue(vm.undo());
        assertEquals(0, vm.count());
        assertFalse(vm.undo(), "nothing left to undo");

        vm.press(0, 0);
        vm.press(0.2, 0);
        vm.clear();
        assertEquals(0, vm.count());
        assertEquals(0, vm.strokeCount());
        assertEquals(0, vm.points().length);
    }

    @Test
    void tooFewPointsAreRefusedWithTheMinimum() {
        DrawDataViewModel vm = new DrawDataViewModel(6);
        vm.setTool(DrawDataViewModel.Tool.BLOB);
        vm.setBlobPoints(DrawnData.MIN_POINTS - 1);
        vm.press(0, 0);
        String why = vm.problem();
        assertNotNull(why);
        assertTrue(why.contains(Integer.toString(DrawnData.MIN_POINTS)) && why.contains("63"), why);
        vm.setBlobPoints(1);
        vm.press(0, 0);
        assertNull(vm.problem(), "64 points are enough");
    }

    @Test
    void theSameSeedDrawsTheSamePoints() {
        DrawDataViewModel a = new DrawDataViewModel(7);
        DrawDataViewModel b = new DrawDataViewModel(7);
        for (DrawDataViewModel vm : new DrawDataViewModel[] {a, b}) {
            vm.press(0, 0);
            vm.drag(0.5, 0.5);
        }
        assertArrayEquals(a.points(), b.points());
    }
}
