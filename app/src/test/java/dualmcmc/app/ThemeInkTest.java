package dualmcmc.app;

import dualmcmc.app.training.TrainingPage;
import dualmcmc.app.chart.Ink;
import javafx.scene.Node;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import static dualmcmc.app.FxTestSupport.fx;
import static dualmcmc.app.FxTestSupport.waitLoaded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dark theme reaches what the app draws itself: the charts' backgrounds, titles and axes. */
class ThemeInkTest extends WindowTest {

    @AfterEach
    void lightThemeAgain() {
        fx(() -> {
            window.presentation().darkThemeProperty().set(false);
            return null;
        });
    }

    @Test
    void chartsAndCanvasesFollowTheTheme(FxRobot robot) {
        waitLoaded(main, "ring8");
        for (boolean dark : new boolean[]{true, false}) {
            fx(() -> {
                window.presentation().darkThemeProperty().set(dark);
                return null;
            });
            Ink ink = dark ? Ink.DARK : Ink.LIGHT;
            assertEquals(ink, Ink.current());
            for (JFreeChart c : fx(() -> window.page(TrainingPage.class).view().charts())) {
                java.awt.Color bg = (java.awt.Color) c.getXYPlot().getBackgroundPaint();
                java.awt.Color title = (java.awt.Color) c.getTitle().getPaint();
                assertTrue(Ink.contrast(toFx(bg), toFx(title)) >= 7, "title readable on its chart, dark " + dark);
                assertEquals(toAwt(ink.background()), bg);
            }
            for (String id : new String[]{"#lossChartE", "#energyChart"}) {
                Node n = robot.lookup(id).query();
                double lum = meanLuminance(fx(() -> n.snapshot(null, null)));
                assertTrue(dark ? lum < 0.35 : lum > 0.6, id + " mean luminance " + lum + " in the "
                        + (dark ? "dark" : "light") + " theme");
            }
        }
    }

    private static Color toFx(java.awt.Color c) {
        return Color.rgb(c.getRed(), c.getGreen(), c.getBlue());
    }

    private static java.awt.Color toAwt(Color c) {
        return new java.awt.Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue());
    }

    private static double meanLuminance(WritableImage img) {
        PixelReader r = img.getPixelReader();
        double sum = 0;
        int n = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                sum += r.getColor(x, y).getBrightness();
                n++;
            }
        }
        return sum / n;
    }
}
