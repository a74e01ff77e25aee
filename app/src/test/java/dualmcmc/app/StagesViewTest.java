package dualmcmc.app;

import dualmcmc.app.stages.IterationStage;
import dualmcmc.app.stages.StagesPage;
import dualmcmc.app.stages.StagesView;
import dualmcmc.app.stages.StagesViewModel;
import dualmcmc.engine.model.ModelKind;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.util.EnumSet;
import java.util.concurrent.CompletableFuture;

import static dualmcmc.app.FxTestSupport.click;
import static dualmcmc.app.FxTestSupport.fx;
import static dualmcmc.app.FxTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one-iteration view on the trained ring8 example: it stages the next iteration on a copy (the
 * window's models stay at their iteration), the diagram's lit stage follows the arrow keys and the
 * playback buttons forward and back, and with the EBM's update switched off it says the EBM is
 * unchanged while the other two models learned.
 */
class StagesViewTest extends WindowTest {

    @Override
    protected CompletableFuture<Void> open(MainModel m) {
        return m.openExampleOrFresh(MainModel.START_DATASET);
    }

    @Test
    void stepsThroughTheStagesAndShowsASwitchedOffEbmUnchanged(FxRobot robot) {
        FxTestSupport.waitLoaded(main, "ring8");
        long iteration = fx(() -> main.iterationProperty().get());
        StagesViewModel vm = window.page(StagesPage.class).viewModel();
        StagesView view = window.page(StagesPage.class).view();

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT6).release(KeyCode.DIGIT6, KeyCode.CONTROL);
        assertEquals(StagesPage.ID, fx(window::selectedView), "Ctrl+6 opens the one-iteration view");
        waitUntil("a staged iteration", () -> vm.resultProperty().get() != null);
        StagesViewModel.Result r = fx(() -> vm.resultProperty().get());
        assertEquals(iteration + 1, r.shown().iteration(), "it stages the next iteration");
        assertEquals(EnumSet.allOf(ModelKind.class), r.shown().updated());
        assertEquals(iteration, (long) fx(() -> main.iterationProperty().get()), "the real models did not move");
        assertEquals(0, (int) fx(view::litStage));

        int last = IterationStage.values().length - 1;
        for (int i = 1; i <= last; i++) {
            robot.push(KeyCode.RIGHT);
            int expected = i;
            waitUntil("stage " + (i + 1) + " lit", () -> fx(view::litStage) == expected);
        }
        robot.push(KeyCode.RIGHT);
        assertEquals(last, (int) fx(view::litStage), "the last stage stays lit");
        assertTrue(fx(() -> robot.lookup("#stagesPlotAfter").query().isVisible()), "an update shows after");
        for (int i = last - 1; i >= 0; i--) {
            click(robot, "#stagesStepBack");
            int expected = i;
            waitUntil("stage " + (i + 1) + " lit", () -> fx(view::litStage) == expected);
        }
        assertFalse(fx(() -> robot.lookup("#stagesPlotAfter").query().isVisible()), "stage 1 has one plot");

        click(robot, "#stagesSkip3");
        waitUntil("the iteration without the EBM's update", () -> vm.resultProperty().get() != null
                && vm.resultProperty().get().skipped() == ModelKind.EBM);
        StagesViewModel.Result off = fx(() -> vm.resultProperty().get());
        assertEquals(EnumSet.of(ModelKind.GENERATOR, ModelKind.INFERENCE), off.shown().updated());
        assertEquals(off.shown().before().energyData(), off.shown().after().energyData(), "E(x) as before");
        assertEquals(EnumSet.allOf(ModelKind.class), off.full().updated(), "the same draw with every update");
        String line = fx(() -> robot.lookup("#stagesOutcome").<Label>query().getText());
        assertTrue(line.contains("EBM unchanged"), line);
        assertTrue(line.contains("Generator changed"), line);
        assertEquals(iteration, (long) fx(() -> main.iterationProperty().get()), "still the real models' iteration");
    }
}
