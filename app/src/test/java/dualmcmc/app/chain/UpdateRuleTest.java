package dualmcmc.app.chain;

import dualmcmc.app.chart.Formula;
import dualmcmc.engine.config.LangevinSettings;
import dualmcmc.engine.mcmc.ChainKind;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UpdateRuleTest {
    @Test
    void valuesAreSubstitutedAsTheChainUsesThem() {
        String x = UpdateRule.substituted(ChainKind.X, new LangevinSettings(20, 0.5, 0.001), 0.3, 1.0);
        assertTrue(x.contains("\\frac{0.5^2}{2}") && x.contains("0.125\\,\\nabla_x") && x.contains("0.001\\,U")
                && x.contains("20\\ \\mathrm{steps}"), x);
        String z = UpdateRule.substituted(ChainKind.Z, new LangevinSettings(10, 0.1, 0.1), 0.3, 1.0);
        // the energy the engine's z-chain descends: likelihood over sigma^2, prior over 2 sigma_p^2
        assertTrue(z.contains("0.005\\,\\nabla_z") && z.contains("{0.3^2}") && z.contains("{2 \\cdot 1^2}"), z);
        assertTrue(UpdateRule.symbolic(ChainKind.Z).contains("\\frac{\\|x - g(z)\\|^2}{\\sigma^2}"));
        assertTrue(!x.contains("clipped"), x);
        String clamped = UpdateRule.substituted(ChainKind.X, new LangevinSettings(20, 0.5, 0.001, true), 0.3, 1.0);
        assertTrue(clamped.contains("\\mathrm{clipped\\ to}\\ [-1, 1]"), clamped);
    }

    @Test
    void numbersReadAsPeopleWriteThem() {
        assertEquals("0.1", UpdateRule.num(0.1));
        assertEquals("2", UpdateRule.num(2.0));
        assertEquals("0.125", UpdateRule.num(0.125));
        assertEquals("5\\cdot 10^{-4}", UpdateRule.num(5e-4));
        assertEquals("1.25\\cdot 10^{-5}", UpdateRule.num(1.25e-5));
    }

    @Test
    void everyRuleTypesets() {
        for (ChainKind k : ChainKind.values()) {
            for (String latex : new String[]{UpdateRule.symbolic(k),
                    UpdateRule.substituted(k, new LangevinSettings(30, 0.1, 5e-4), 0.1, 1),
                    UpdateRule.substituted(k, new LangevinSettings(30, 0.1, 5e-4, true), 0.1, 1)}) {
                Image img = Formula.render(latex, 16, Color.BLACK);
                assertTrue(img.getWidth() > 200 && img.getHeight() > 15, latex + ": " + img.getWidth() + "x" + img.getHeight());
                int ink = 0;
                for (int y = 0; y < img.getHeight(); y++) {
                    for (int xx = 0; xx < img.getWidth(); xx++) {
                        if (img.getPixelReader().getColor(xx, y).getOpacity() > 0.5) {
                            ink++;
                        }
                    }
                }
                assertTrue(ink > 200, "the formula is drawn: " + ink + " inked pixels");
            }
        }
    }
}
