package dualmcmc.app;

import dualmcmc.app.xrevision.XRevisionPage;
import dualmcmc.app.zrevision.ZRevisionPage;
import dualmcmc.app.lesson.Lesson;
import dualmcmc.app.lesson.LessonViewModel;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import static dualmcmc.app.FxTestSupport.await;
import static dualmcmc.app.FxTestSupport.click;
import static dualmcmc.app.FxTestSupport.fx;
import static dualmcmc.app.FxTestSupport.waitLoaded;
import static dualmcmc.app.FxTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Walks every step of every bundled lesson as a student would: each step shows its title, opens its
 * view, highlights a control that exists, and where it asks for something (play the chain, pick a
 * point) Next waits until it is done.
 */
class LessonWalkTest extends WindowTest {

    @Test
    void everyStepOfEveryLessonShowsItsViewAndHighlightsItsControl(FxRobot robot) {
        waitLoaded(main, "ring8");
        Node panel = robot.lookup("#lessonPanel").query();
        Node settings = robot.lookup("#settings").query();
        assertFalse(fx(panel::isVisible));
        for (String id : Lesson.BUNDLED) {
            Lesson lesson = Lesson.bundled(id);
            assertNull(await(() -> window.startLesson(id)));
            LessonViewModel vm = window.lessonViewModel();
            assertTrue(fx(panel::isVisible));
            assertFalse(fx(() -> settings.getScene() != null), "the settings make room during a lesson");
            for (int i = 0; i < lesson.steps().size(); i++) {
                Lesson.Step step = lesson.steps().get(i);
                String where = id + " step " + (i + 1);
                int index = i;
                waitUntil(where + " set", () -> vm.indexProperty().get() == index && vm.highlighted() != null
                        && (step.waitFor() != null || !vm.blockedProperty().get()));
                assertEquals(step.title(), fx(() -> robot.lookup("#lessonStepTitle").<Label>query().getText()), where);
                assertEquals("Step " + (i + 1) + " of " + lesson.steps().size(),
                        fx(() -> robot.lookup("#lessonProgress").<Label>query().getText()));
                assertEquals(step.view(), fx(window::selectedView), where + ": its view");
                Node target = fx(vm::highlighted);
                assertEquals(step.target(), "#" + target.getId(), where);
                assertTrue(fx(() -> target.getStyleClass().contains(LessonViewModel.HIGHLIGHT)), where + " highlighted");
                for (String hide : step.hide()) {
                    Node n = fx(() -> robot.lookup(hide).query());
                    assertNotNull(n, where + ": " + hide + " exists");
                    assertFalse(fx(n::isVisible), where + ": " + hide + " hidden");
                }
                if (step.hide().isEmpty()) {
                    assertTrue(fx(vm::hiddenControls).isEmpty(), where + ": the last step's hidden controls are back");
                }
                if (step.waitFor() != null) {
                    assertTrue(fx(() -> robot.lookup("#lessonNext").<Button>query().isDisabled()),
                            where + ": Next waits for " + step.waitFor());
                    doWhatItAsks(robot, step.waitFor());
                    waitUntil(where + ": done", () -> !vm.blockedProperty().get());
                }
                if (step.action() != null && step.action().startsWith("change:")) {
                    String kind = step.action().substring("change:".length());
                    assertTrue(fx(() -> ("x".equals(kind) ? window.page(XRevisionPage.class).view().change() : window.page(ZRevisionPage.class).view().change())
                            .showChangeProperty().get()), where + ": change shown");
                }
                if (step.action() != null && step.action().startsWith("example:")) {
                    String example = step.action().substring("example:".length());
                    assertEquals(example, fx(() -> main.document().exampleProperty().get()), where);
                }
                click(robot, "#lessonNext");
                if (i > 0 && i == lesson.steps().size() - 1) {
                    continue;
                }
                if (i == 1) {
                    // Back returns to the previous step, with its highlight
                    waitUntil("step 3", () -> vm.indexProperty().get() == 2 && !vm.blockedProperty().get());
                    click(robot, "#lessonBack");
                    waitUntil("back to step 2", () -> vm.indexProperty().get() == 1 && !vm.blockedProperty().get());
                    assertEquals(lesson.steps().get(1).target(), "#" + fx(vm::highlighted).getId());
                    click(robot, "#lessonNext");
                }
            }
            waitUntil(id + " finished", () -> vm.lessonProperty().get() == null);
            assertFalse(fx(panel::isVisible));
            assertNotNull(fx(settings::getScene), "the settings come back");
            assertTrue(fx(() -> robot.lookup("." + LessonViewModel.HIGHLIGHT).queryAll().isEmpty()),
                    "no highlight left behind");
            for (String hidden : new String[]{"#xChainSettings", "#zChainSettings"}) {
                assertTrue(fx(() -> robot.lookup(hidden).query().isVisible()), hidden + " shown again");
            }
        }
    }

    private void doWhatItAsks(FxRobot robot, String waitFor) {
        switch (waitFor) {
            case "played:x" -> {
                fx(() -> {
                    window.page(XRevisionPage.class).view().playback().stepProperty().set(0);
                    return null;
                });
                click(robot, "#xPlay");
            }
            case "played:z" -> {
                fx(() -> {
                    window.page(ZRevisionPage.class).view().playback().stepProperty().set(0);
                    return null;
                });
                click(robot, "#zPlay");
            }
            case "picked:z" -> fx(() -> {
                double[] p = main.dataProperty().get().points()[0];
                window.page(ZRevisionPage.class).viewModel().pick(p[0], p[1]);
                return null;
            });
            default -> throw new AssertionError("unknown waitFor " + waitFor);
        }
    }
}
