package dualmcmc.app;

import dualmcmc.app.prefs.Theme;

import dualmcmc.app.training.TrainingPage;
import dualmcmc.app.chart.Ink;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.util.ArrayList;
import java.util.List;

import static dualmcmc.app.FxTestSupport.fx;
import static dualmcmc.app.FxTestSupport.waitLoaded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every theme reaches what the app draws itself (charts, canvases) and every page's text reads on it. */
class ThemeInkTest extends WindowTest {

    @AfterEach
    void lightThemeAgain() {
        fx(() -> {
            window.presentation().themeProperty().set(Theme.LIGHT);
            return null;
        });
    }

    @Test
    void chartsAndCanvasesFollowTheTheme(FxRobot robot) {
        waitLoaded(main, "ring8");
        for (Theme theme : new Theme[]{Theme.DARK, Theme.HIGH_CONTRAST, Theme.LIGHT}) {
            fx(() -> {
                window.presentation().themeProperty().set(theme);
                return null;
            });
            Ink ink = theme.ink();
            assertEquals(ink, Ink.current());
            assertTrue(Ink.contrast(ink.text(), ink.background()) >= 7, theme + ": drawn text");
            assertTrue(Ink.contrast(ink.muted(), ink.background()) >= 4.5, theme + ": drawn secondary text");
            for (JFreeChart c : fx(() -> window.page(TrainingPage.class).view().charts())) {
                java.awt.Color bg = (java.awt.Color) c.getXYPlot().getBackgroundPaint();
                java.awt.Color title = (java.awt.Color) c.getTitle().getPaint();
                assertTrue(Ink.contrast(toFx(bg), toFx(title)) >= 7, "title readable on its chart, " + theme);
                assertEquals(toAwt(ink.background()), bg);
            }
            for (String id : new String[]{"#lossChartE", "#energyChart"}) {
                Node n = robot.lookup(id).query();
                double lum = meanLuminance(fx(() -> n.snapshot(null, null)));
                boolean dark = theme != Theme.LIGHT;
                assertTrue(dark ? lum < 0.35 : lum > 0.6, id + " mean luminance " + lum + " in " + theme);
            }
        }
    }

    /** Every label of every page reads on the theme's background (WCAG AA, 4.5:1), in every theme. */
    @Test
    void everyPagesTextReadsInEveryTheme() {
        waitLoaded(main, "ring8");
        for (Theme theme : Theme.values()) {
            fx(() -> {
                window.presentation().themeProperty().set(theme);
                return null;
            });
            for (String id : fx(window::pageIds)) {
                List<String> unreadable = fx(() -> {
                    window.select(id);
                    Node page = window.page(id).node();
                    page.applyCss();
                    List<String> bad = new ArrayList<>();
                    for (Node n : page.lookupAll(".label")) {
                        if (n instanceof Labeled l && l.isVisible() && l.getText() != null && !l.getText().isBlank()
                                && l.getTextFill() instanceof Color c && c.getOpacity() > 0
                                && Ink.contrast(c, behind(l, theme.ink().background())) < 4.5) {
                            bad.add("'" + l.getText() + "' " + c);
                        }
                    }
                    return bad;
                });
                assertTrue(unreadable.isEmpty(), theme + ", page " + id + ": " + unreadable);
            }
        }
    }

    /** The colour a node's text is drawn on: its own or the nearest enclosing opaque fill, else the theme's. */
    private static Color behind(Node n, Color theme) {
        for (Node at = n; at != null; at = at.getParent()) {
            if (at instanceof javafx.scene.layout.Region r && r.getBackground() != null) {
                for (var fill : r.getBackground().getFills()) {
                    if (fill.getFill() instanceof Color c && c.getOpacity() > 0.5) {
                        return c;
                    }
                }
            }
        }
        return theme;
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
