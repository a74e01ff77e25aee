package dualmcmc.app;

import dualmcmc.app.compare.ComparePage;
import dualmcmc.app.compare.CompareView;
import dualmcmc.app.compare.CompareViewModel;
import dualmcmc.app.compare.Comparison;
import dualmcmc.engine.mcmc.ChainKind;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.util.concurrent.CompletableFuture;

import static dualmcmc.app.FxTestSupport.click;
import static dualmcmc.app.FxTestSupport.fx;
import static dualmcmc.app.FxTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The compare view on the trained ring8 example the app opens on: both starts run on the same
 * models and seed, both profiles are drawn, and the paper's orderings show (the generator start
 * ends at lower energy than noise, the inference start at lower MSE) and are stated in words.
 */
class CompareViewTest extends WindowTest {

    @Override
    protected CompletableFuture<Void> open(MainModel m) {
        return m.openExampleOrFresh(MainModel.START_DATASET);
    }

    @Test
    void xAndZComparisonsShowTheDualMcmcStartWinning(FxRobot robot) {
        FxTestSupport.waitLoaded(main, "ring8");
        assertTrue(fx(() -> main.iterationProperty().get()) > 0, "the app opens on the trained example");
        CompareViewModel vm = window.page(ComparePage.class).viewModel();
        CompareView view = window.page(ComparePage.class).view();

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        assertEquals(ComparePage.ID, fx(window::selectedView), "Ctrl+5 opens the compare view");
        waitUntil("x comparison", () -> result(vm, ChainKind.X) != null);
        int kx = fx(() -> main.config().xChain().steps());
        CompareViewModel.Result x = fx(() -> result(vm, ChainKind.X));
        checkSides(view, x, kx);
        assertTrue(x.comparison().dual() < x.comparison().noise(),
                "generator-started energy " + x.comparison().dual() + " below noise " + x.comparison().noise());

        // more steps for both sides: the profiles follow
        robot.interact(() -> robot.lookup("#compareSteps").<Spinner<Integer>>query().getValueFactory()
                .setValue(2 * kx));
        waitUntil("x comparison with 2k steps", () -> result(vm, ChainKind.X) != null
                && result(vm, ChainKind.X).dual().steps() == 2 * kx);
        checkSides(view, fx(() -> result(vm, ChainKind.X)), 2 * kx);

        click(robot, "#compareKind1");
        waitUntil("z comparison", () -> result(vm, ChainKind.Z) != null);
        int kz = fx(() -> main.config().zChain().steps());
        assertEquals(kz, (int) fx(() -> vm.stepsProperty().get()), "switching to z starts at the config's k_z");
        CompareViewModel.Result z = fx(() -> result(vm, ChainKind.Z));
        checkSides(view, z, kz);
        assertTrue(z.comparison().dual() < z.comparison().noise(),
                "inference-started MSE " + z.comparison().dual() + " below noise " + z.comparison().noise());
        String line = fx(() -> robot.lookup("#compareExplanation").<Label>query().getText());
        assertTrue(line.contains("x lower"), line);
    }

    /** Both curves drawn with k + 1 points, and the sentence under them quotes both last values. */
    private void checkSides(CompareView view, CompareViewModel.Result r, int k) {
        assertEquals(k, r.dual().steps());
        assertEquals(k, r.noise().steps());
        waitUntil("both profiles drawn", () -> view.profile().curveSizes().length == 2
                && view.profile().curveSizes()[0] == k + 1);
        assertArrayEquals(new int[]{k + 1, k + 1}, fx(() -> view.profile().curveSizes()));
        String line = fx(() -> view.explanation().getText());
        assertTrue(line.startsWith("After " + k + " steps"), line);
        assertTrue(line.contains(Comparison.number(r.dual().mean(k))), line);
        assertTrue(line.contains(Comparison.number(r.noise().mean(k))), line);
        assertEquals(r.comparison().explanation(), line);
    }

    private static CompareViewModel.Result result(CompareViewModel vm, ChainKind kind) {
        CompareViewModel.Result r = vm.resultProperty().get();
        return r != null && r.kind() == kind ? r : null;
    }
}
