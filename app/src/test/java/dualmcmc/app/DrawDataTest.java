package dualmcmc.app;

import dualmcmc.app.chart.PlotCanvas;
import dualmcmc.app.draw.DrawDataViewModel;
import dualmcmc.engine.data.DrawnData;
import dualmcmc.engine.session.DataInfo;
import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import java.nio.file.Path;

import static dualmcmc.app.FxTestSupport.await;
import static dualmcmc.app.FxTestSupport.fx;
import static dualmcmc.app.FxTestSupport.waitLoaded;
import static dualmcmc.app.FxTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** File › Draw data as a student meets it: paint, train on the drawing, save, reopen. */
class DrawDataTest extends WindowTest {
    @TempDir
    Path tmp;

    private Point2D onScreen(PlotCanvas canvas, double x, double y) {
        return fx(() -> {
            double[] px = canvas.toScreen(x, y);
            return canvas.localToScreen(px[0], px[1]);
        });
    }

    @Test
    void aDrawingTrainsAndItsPointsComeBackFromTheSavedFile(FxRobot robot) throws Exception {
        waitLoaded(main, "ring8");
        MenuBar bar = robot.lookup("#menuBar").query();
        MenuItem item = fx(() -> bar.getMenus().get(0).getItems().stream()
                .filter(i -> "menuDrawData".equals(i.getId())).findFirst().orElseThrow());
        fx(() -> {
            item.fire();
            return null;
        });
        waitUntil("the drawing dialog", () -> robot.lookup("#drawCanvas").tryQuery().isPresent());
        DialogPane pane = robot.lookup("#drawDataPane").query();
        DrawDataViewModel vm = (DrawDataViewModel) fx(pane::getUserData);
        PlotCanvas canvas = robot.lookup("#drawCanvas").query();
        Button train = (Button) fx(() -> pane.lookupButton(dualmcmc.app.draw.DrawDataDialog.TRAIN));

        fx(() -> {
            train.fire();
            return null;
        });
        String why = fx(() -> robot.lookup("#drawProblem").<Label>query().getText());
        assertTrue(why.contains(Integer.toString(DrawnData.MIN_POINTS)), why);
        assertEquals("ring8", fx(() -> main.dataProperty().get().name()), "nothing trains on an empty drawing");

        robot.drag(onScreen(canvas, -0.8, 0.6), MouseButton.PRIMARY).moveTo(onScreen(canvas, 0.6, 0.6))
                .moveTo(onScreen(canvas, 0.6, -0.2)).drop();
        waitUntil("a painted stroke", () -> vm.strokeCount() == 1 && vm.count() > 100);
        for (float[] p : fx(vm::points)) {
            assertTrue(p[0] > -0.8 - 0.13 && p[0] < 0.6 + 0.13 && p[1] > -0.2 - 0.13 && p[1] < 0.6 + 0.13,
                    "near the dragged path: " + p[0] + ", " + p[1]);
        }
        fx(() -> {
            vm.setTool(DrawDataViewModel.Tool.BLOB);
            vm.press(-0.5, -0.6);
            return null;
        });
        float[][] drawn = fx(vm::points);
        assertEquals(drawn.length, (int) fx(() -> canvas.pointCount()), "the canvas shows every point");

        fx(() -> {
            train.fire();
            return null;
        });
        waitLoaded(main, DrawnData.NAME);
        waitUntil("the dialog closed", () -> robot.lookup("#drawCanvas").tryQuery().isEmpty());
        assertEquals(DrawnData.NAME, fx(() -> String.valueOf(robot.lookup("#datasetBox").<ComboBox<?>>query()
                .getValue())));
        assertPoints(drawn, fx(() -> main.dataProperty().get()));

        waitUntil("training on the drawing", () -> main.iterationProperty().get() >= 2);
        long target = fx(() -> main.iterationProperty().get()) + 3;
        assertNull(await(() -> main.trainUntil(target)));
        waitUntil("iteration " + target, () -> main.iterationProperty().get() >= target);
        Path file = tmp.resolve("drawn.dmcx");
        assertNull(await(() -> window.fileActions().saveTo(file)));
        long saved = fx(() -> main.iterationProperty().get());

        assertNull(await(() -> main.load("moons")));
        assertNull(await(() -> main.open(file)));
        assertEquals(DrawnData.NAME, fx(() -> main.dataProperty().get().name()));
        assertEquals(saved, (long) fx(() -> main.iterationProperty().get()));
        assertPoints(drawn, fx(() -> main.dataProperty().get()));

        assertNull(await(() -> main.reset()), "Reset rebuilds on the drawn points");
        assertEquals(0L, (long) fx(() -> main.iterationProperty().get()));
        assertPoints(drawn, fx(() -> main.dataProperty().get()));
    }

    private static void assertPoints(float[][] expected, DataInfo info) {
        assertEquals(expected.length, info.size());
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(new double[] {expected[i][0], expected[i][1]}, info.points()[i], 0, "point " + i);
        }
    }
}
