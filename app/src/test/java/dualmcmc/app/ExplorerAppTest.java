package dualmcmc.app;

import dualmcmc.app.xrevision.XRevisionPage;
import dualmcmc.app.latent.LatentPage;
import dualmcmc.app.training.TrainingPage;
import atlantafx.base.theme.Styles;
import dualmcmc.engine.progress.TrainingState;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The explorer as a user drives it, headless (Monocle): one fresh window per test. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExplorerAppTest extends WindowTest {

    private static <T> T fx(Callable<T> c) {
        return FxTestSupport.fx(c);
    }

    private static void waitUntil(String what, BooleanSupplier cond) {
        FxTestSupport.waitUntil(what, cond);
    }

    private void waitLoaded(String name) {
        FxTestSupport.waitLoaded(main, name);
    }

    @Test
    void textLayoutsAreNeverSharedBetweenThreads() {
        // GlyphLayoutGuard holds JavaFX's one shared glyph layout: without it, a layout handed back
        // is handed out again, to whichever thread asks next (the FX or the render thread)
        assertTrue(GlyphLayoutGuard.installed());
        assertTrue(fx(() -> {
            com.sun.javafx.text.GlyphLayout first = com.sun.javafx.text.GlyphLayout.getInstance();
            first.dispose();
            com.sun.javafx.text.GlyphLayout next = com.sun.javafx.text.GlyphLayout.getInstance();
            next.dispose();
            return first != next;
        }), "every layout is a fresh one");
    }

    @Test
    @Order(1)
    void windowOpensOnRing8ReadyToTrain(FxRobot robot) {
        waitLoaded("ring8");
        assertTrue(robot.lookup("#toolbar").tryQuery().isPresent());
        assertTrue(robot.lookup("#settings").tryQuery().isPresent());
        assertEquals("ring8", fx(() -> robot.lookup("#datasetBox").<ComboBox<String>>query().getValue()));
        assertEquals("iteration 0", fx(() -> robot.lookup("#iterationLabel").<Label>query().getText()));
        assertEquals(TrainingState.READY, fx(() -> main.stateProperty().get()));
        waitUntil("samples drawn", () -> window.page(TrainingPage.class).viewModel().samplesProperty().get() != null);
        assertTrue(fx(() -> window.page(TrainingPage.class).view().samplePlot().layerCount()) >= 3);
    }

    @Test
    @Order(2)
    void choosingADataSetUpdatesTheView(FxRobot robot) {
        waitLoaded("ring8");
        double[] before = fx(() -> window.page(TrainingPage.class).view().samplePlot().bounds());
        robot.interact(() -> robot.lookup("#datasetBox").<ComboBox<String>>query().setValue("moons"));
        waitLoaded("moons");
        assertEquals("toy2d", fx(() -> main.presetNameProperty().get()));
        waitUntil("training header names moons",
                () -> robot.lookup(".view-title").queryAllAs(Label.class).stream()
                        .anyMatch(l -> l.getText().contains("moons")));
        double[] after = fx(() -> window.page(TrainingPage.class).view().samplePlot().bounds());
        assertFalse(java.util.Arrays.equals(before, after), "plot bounds follow the new data set");
        waitUntil("samples of moons", () -> window.page(TrainingPage.class).viewModel().samplesProperty().get() != null);
    }

    @Test
    @Order(3)
    void trainAdvancesTheCounterAndLossChartsAndPauseStopsIt(FxRobot robot) {
        waitLoaded("ring8");
        FxTestSupport.click(robot, "#train");
        waitUntil("5 iterations", () -> main.iterationProperty().get() >= 5);
        waitUntil("loss points", () -> window.page(TrainingPage.class).viewModel().lossPoints() >= 3);
        assertTrue(fx(() -> robot.lookup("#iterationLabel").<Label>query().getText()).matches("iteration [1-9].*"));
        FxTestSupport.click(robot, "#pause");
        waitUntil("paused", () -> main.stateProperty().get() == TrainingState.PAUSED);
        // Pause takes effect between iterations: the one in progress may still report
        WaitForAsyncUtils.sleep(800, TimeUnit.MILLISECONDS);
        long it = fx(() -> main.iterationProperty().get());
        int points = fx(() -> window.page(TrainingPage.class).viewModel().lossPoints());
        WaitForAsyncUtils.sleep(1200, TimeUnit.MILLISECONDS);
        assertEquals(it, (long) fx(() -> main.iterationProperty().get()), "no iteration after Pause");
        assertEquals(points, (int) fx(() -> window.page(TrainingPage.class).viewModel().lossPoints()));
    }

    @Test
    @Order(4)
    void steppingTheXChainMovesScrubberAndProfileMarker(FxRobot robot) {
        waitLoaded("ring8");
        robot.interact(() -> window.select(XRevisionPage.ID));
        waitUntil("x-chains", () -> window.page(XRevisionPage.class).viewModel().resultProperty().get() != null);
        FxTestSupport.click(robot, "#xFirst");
        assertEquals(0.0, fx(() -> window.page(XRevisionPage.class).view().profile().markerValue()));
        FxTestSupport.click(robot, "#xStepForward");
        FxTestSupport.click(robot, "#xStepForward");
        assertEquals(2.0, fx(() -> robot.lookup("#xScrubber").<Slider>query().getValue()));
        assertEquals(2.0, fx(() -> window.page(XRevisionPage.class).view().profile().markerValue()));
        assertEquals("\u03c4 = 2 / 30", fx(() -> robot.lookup("#xStepLabel").<Label>query().getText()));
        FxTestSupport.click(robot, "#xStepBack");
        assertEquals(1.0, fx(() -> robot.lookup("#xScrubber").<Slider>query().getValue()));
        assertEquals(1.0, fx(() -> window.page(XRevisionPage.class).view().profile().markerValue()));
        robot.type(KeyCode.RIGHT);
        assertEquals(2.0, fx(() -> window.page(XRevisionPage.class).view().profile().markerValue()), "the right arrow steps forward");
        robot.type(KeyCode.END);
        assertEquals(30.0, fx(() -> robot.lookup("#xScrubber").<Slider>query().getValue()));
    }

    @Test
    @Order(5)
    void invalidHyperparameterIsRefusedVisiblyAndTrainingGoesOn(FxRobot robot) {
        waitLoaded("ring8");
        FxTestSupport.click(robot, "#train");
        waitUntil("training", () -> main.iterationProperty().get() >= 2);
        TextField field = robot.lookup("#setting-x_step").query();
        FxTestSupport.click(robot, "#setting-x_step");
        robot.interact(field::selectAll);
        robot.write("-1").type(KeyCode.ENTER);
        Label error = robot.lookup("#settingsError").query();
        waitUntil("error shown", error::isVisible);
        assertTrue(fx(error::getText).contains("x_step"), fx(error::getText));
        assertTrue(fx(() -> field.getPseudoClassStates().contains(Styles.STATE_DANGER)));
        assertEquals(0.1, fx(() -> main.config().doubleValue("x_step")), "the refused value is not applied");
        long it = fx(() -> main.iterationProperty().get());
        waitUntil("training goes on", () -> main.iterationProperty().get() > it + 3);
        assertEquals(TrainingState.RUNNING, fx(() -> main.stateProperty().get()));

        robot.interact(field::selectAll);
        robot.write("0.05").type(KeyCode.ENTER);
        waitUntil("valid value applied", () -> main.config().doubleValue("x_step") == 0.05);
        waitUntil("error cleared", () -> !error.isVisible());
        // x_clamp is for images: on ring8 the tick is refused by name and goes back
        CheckBox clamp = robot.lookup("#setting-x_clamp").query();
        robot.interact(clamp::fire);
        waitUntil("clamp refused", error::isVisible);
        assertTrue(fx(error::getText).contains("x_clamp"), fx(error::getText));
        assertFalse(fx(clamp::isSelected), "the refused tick goes back");
        assertFalse(fx(() -> main.config().xChain().clamped()));
        robot.interact(field::selectAll);
        robot.write("0.06").type(KeyCode.ENTER);
        waitUntil("a valid value clears the error", () -> !error.isVisible());
        long it2 = fx(() -> main.iterationProperty().get());
        waitUntil("training goes on with the new value", () -> main.iterationProperty().get() > it2 + 3);
        FxTestSupport.click(robot, "#pause");
        waitUntil("paused", () -> main.stateProperty().get() == TrainingState.PAUSED);
    }

    @Test
    @Order(6)
    void latentMapFillsWithColouredPointsAndSwitchesToPca(FxRobot robot) {
        waitLoaded("ring8");
        FxTestSupport.click(robot, "#latent");
        var vm = window.page(LatentPage.class).viewModel();
        var view = window.page(LatentPage.class).view();
        waitUntil("t-SNE frames", () -> vm.iterationProperty().get() >= 30);
        assertTrue(fx(vm::points) >= 500, "points on the map: " + fx(vm::points));
        assertEquals(fx(vm::points), (int) fx(view::drawnPoints), "every point is drawn");
        assertTrue(fx(() -> view.plot().pointColours().size()) >= 8, "one colour per ring mode");
        // a title row and one entry per class (ring8: 8 modes)
        assertEquals(9, (int) fx(() -> view.legend().getChildren().size()));
        assertTrue(fx(() -> vm.runningProperty().get()));
        int it = fx(() -> vm.iterationProperty().get());
        waitUntil("the map animates", () -> vm.iterationProperty().get() > it);

        FxTestSupport.click(robot, "#latentRun");
        assertFalse(fx(() -> vm.runningProperty().get()), "Stop ends the t-SNE iterations");
        WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS);
        int stopped = fx(() -> vm.iterationProperty().get());
        WaitForAsyncUtils.sleep(600, TimeUnit.MILLISECONDS);
        assertEquals(stopped, (int) fx(() -> vm.iterationProperty().get()), "no t-SNE step after Stop");

        FxTestSupport.click(robot, "#latentSource-pca");
        waitUntil("PCA map", () -> vm.frameProperty().get() != null && !vm.frameProperty().get().tsne());
        assertEquals(fx(vm::points), (int) fx(view::drawnPoints));
        assertTrue(fx(() -> view.plot().pointColours().size()) >= 8);

        // hovering a point shows its label and, for 2-D data, its coordinates
        javafx.geometry.Point2D at = fx(() -> {
            double[] p = vm.frameProperty().get().embedding()[0];
            double[] s = view.plot().toScreen(p[0], p[1]);
            return view.plot().localToScreen(s[0], s[1]);
        });
        robot.moveTo(at);
        waitUntil("hover card", () -> robot.lookup("#latentHoverCard").query().isVisible());
        assertTrue(fx(() -> robot.lookup("#latentHoverCard .label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().startsWith("x = ("))), "the card shows the point's coordinates");
    }

    @Test
    @Order(7)
    void aFieldCommittedAfterTheModelsCloseIsDropped(FxRobot robot) {
        waitLoaded("ring8");
        // a settings field commits when it loses focus, which happens while the window closes,
        // after the models are disposed: CI saw the old models' worker refuse such a task
        FxTestSupport.click(robot, "#setting-x_step");
        robot.interact(() -> robot.lookup("#setting-x_step").<TextField>query().setText("0.07"));
        assertNull(fx(() -> {
            main.dispose();
            robot.lookup("#train").query().requestFocus();
            main.background(() -> 1);
            main.stop();
            return null;
        }), "no exception from work asked for after dispose");
        assertEquals(0.1, fx(() -> main.config().doubleValue("x_step")), "nothing applied to closed models");
    }
}
