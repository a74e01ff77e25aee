package dualmcmc.app;

import dualmcmc.app.training.TrainingPage;
import dualmcmc.app.chart.Charts;
import javafx.scene.input.KeyCode;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.awt.BasicStroke;

import static dualmcmc.app.FxTestSupport.fx;
import static dualmcmc.app.FxTestSupport.waitLoaded;
import static dualmcmc.app.FxTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** F11 turns presenter mode on (larger text, thicker lines) and off again, back to what was chosen. */
class PresenterModeTest extends WindowTest {
    @AfterEach
    void presenterOff() {
        fx(() -> {
            window.presentation().presenterProperty().set(false);
            return null;
        });
    }

    private float lossLineWidth() {
        JFreeChart c = fx(() -> window.page(TrainingPage.class).view().charts().get(0));
        return fx(() -> ((BasicStroke) c.getXYPlot().getRenderer().getSeriesStroke(0)).getLineWidth());
    }

    private float titleSize() {
        JFreeChart c = fx(() -> window.page(TrainingPage.class).view().charts().get(0));
        return fx(() -> c.getTitle().getFont().getSize2D());
    }

    @Test
    void f11PresentsAndRestores(FxRobot robot) {
        waitLoaded(main, "ring8");
        fx(() -> {
            window.presentation().uiScaleProperty().set(1.15);
            return null;
        });
        float normal = lossLineWidth();
        robot.press(KeyCode.F11).release(KeyCode.F11);
        waitUntil("presenter mode", () -> window.presentation().presenterProperty().get());
        assertEquals(1.5, fx(() -> window.presentation().uiScaleProperty().get()), 1e-9, "larger text");
        assertEquals(1.15, fx(window.presentation()::chosenScale), 1e-9, "the user's own scale is what is kept");
        assertEquals(normal * 1.7, lossLineWidth(), 1e-3, "thicker lines");
        assertEquals(1.7, Charts.STROKE.get(), 1e-9);
        assertEquals(Charts.TITLE.getSize2D() * 1.5, titleSize(), 1e-3, "chart text grows with the window's");

        robot.press(KeyCode.F11).release(KeyCode.F11);
        waitUntil("presenter mode off", () -> !window.presentation().presenterProperty().get());
        assertEquals(1.15, fx(() -> window.presentation().uiScaleProperty().get()), 1e-9);
        assertEquals(normal, lossLineWidth(), 1e-3);
        assertEquals(1.0, Charts.STROKE.get(), 1e-9);
        assertEquals(Charts.TITLE.getSize2D() * 1.15, titleSize(), 1e-3);
        assertFalse(fx(() -> ((javafx.stage.Stage) window.getScene().getWindow()).isFullScreen()));
    }
}
