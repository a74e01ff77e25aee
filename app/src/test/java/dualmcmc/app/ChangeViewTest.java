package dualmcmc.app;

import dualmcmc.app.xrevision.XRevisionPage;
import dualmcmc.app.zrevision.ZRevisionPage;
import dualmcmc.app.chart.ImageGrid;
import javafx.scene.control.Slider;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.util.concurrent.CompletableFuture;

import static dualmcmc.app.FxTestSupport.await;
import static dualmcmc.app.FxTestSupport.click;
import static dualmcmc.app.FxTestSupport.fx;
import static dualmcmc.app.FxTestSupport.waitLoaded;
import static dualmcmc.app.FxTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** On images, both chain views draw what the chains changed, amplified on request. */
class ChangeViewTest extends WindowTest {

    @Override
    protected CompletableFuture<Void> open(MainModel m) {
        return m.load("digits");
    }

    @Test
    void theChangeFromTheStartIsDrawnAndAmplified(FxRobot robot) {
        waitLoaded(main, "digits");
        fx(() -> {
            window.select(XRevisionPage.ID);
            return null;
        });
        assertNull(await(() -> window.page(XRevisionPage.class).viewModel().run().thenApply(r -> null)));
        ImageGrid grid = window.page(XRevisionPage.class).view().grid();
        assertEquals(Integer.MAX_VALUE, (int) fx(grid::changeFromColumn), "pictures first");

        click(robot, "#xShow1");
        waitUntil("x changes drawn", () -> grid.changeFromColumn() == 1 && grid.changeScale() > 0);
        double full = fx(grid::changeScale);
        robot.interact(() -> robot.lookup("#xAmplify").<Slider>query().setValue(10));
        waitUntil("amplified", () -> Math.abs(grid.changeScale() - full / 10) < 1e-9 * full + 1e-12);

        click(robot, "#xShow0");
        waitUntil("pictures again", () -> grid.changeFromColumn() == Integer.MAX_VALUE);

        fx(() -> {
            window.select(ZRevisionPage.ID);
            return null;
        });
        assertNull(await(() -> window.page(ZRevisionPage.class).viewModel().run().thenApply(r -> null)));
        ImageGrid zGrid = window.page(ZRevisionPage.class).view().grid();
        click(robot, "#zShow1");
        // the first two columns stay pictures (x and g(z0)); the decodings' changes follow
        waitUntil("z changes drawn", () -> zGrid.changeFromColumn() == 2 && zGrid.changeScale() > 0);
        assertTrue(fx(zGrid::changeScale) > 0);
    }
}
