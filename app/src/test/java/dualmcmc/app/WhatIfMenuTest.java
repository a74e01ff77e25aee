package dualmcmc.app;

import dualmcmc.app.training.TrainingPage;
import dualmcmc.engine.config.WhatIf;
import dualmcmc.engine.progress.TrainingState;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import static dualmcmc.app.FxTestSupport.await;
import static dualmcmc.app.FxTestSupport.fx;
import static dualmcmc.app.FxTestSupport.waitLoaded;
import static dualmcmc.app.FxTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What if > No x-revision: fresh models with k_x = 0 train at once, the banner says what to watch, and it shows. */
class WhatIfMenuTest extends WindowTest {

    @Test
    void aWhatIfTrainsItsBrokenModelsAndSaysWhatToWatch(FxRobot robot) {
        waitLoaded(main, "ring8");
        Node banner = robot.lookup("#whatIfBanner").query();
        assertFalse(fx(banner::isVisible));
        MenuBar bar = robot.lookup("#menuBar").query();
        MenuItem item = fx(() -> bar.getMenus().stream().filter(m -> "whatIfMenu".equals(m.getId())).findFirst()
                .orElseThrow().getItems().stream().filter(i -> "whatIf-no-x-revision".equals(i.getId()))
                .findFirst().orElseThrow());
        assertEquals(WhatIf.values().length, (int) fx(() -> item.getParentMenu().getItems().size()));
        int gen = fx(() -> main.generationProperty().get());
        fx(() -> {
            item.fire();
            return null;
        });
        waitUntil("new models training", () -> main.generationProperty().get() != gen
                && main.stateProperty().get() == TrainingState.RUNNING);
        assertEquals(0, (int) fx(() -> main.config().xChain().steps()));
        assertEquals("what if: no-x-revision", fx(() -> main.presetNameProperty().get()));
        assertTrue(fx(banner::isVisible));
        assertTrue(fx(() -> robot.lookup("#whatIfText").<Label>query().getText()).contains("run off"));

        // what the banner promises: the mean energy of the data runs off (the preset's stays within -0.3..-2)
        waitUntil("energies running off", () -> window.page(TrainingPage.class).viewModel().history().stream()
                .anyMatch(s -> s.energyData() < -10));
        fx(() -> {
            main.pause();
            return null;
        });

        assertNull(await(() -> main.load("moons")));
        assertFalse(fx(banner::isVisible), "other models end the demonstration");
    }
}
