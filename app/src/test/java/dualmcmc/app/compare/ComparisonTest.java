package dualmcmc.app.compare;

import dualmcmc.engine.mcmc.ChainKind;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The compare view's sentence says what its numbers say, whichever way they point. */
class ComparisonTest {
    @Test
    void mseWinIsARatioAndNamesTheCatchUp() {
        Comparison c = new Comparison(ChainKind.Z, 10, 0.021, 0.064, 0.04, 0.5, -1);
        assertTrue(c.dualWins());
        assertEquals("After 10 steps: inference-initialised MSE 0.021 vs 0.064 from noise (3.0x lower; at the start "
                + "0.04 vs 0.5); the noise chains do not get that low within 10 steps.", c.explanation());
        Comparison later = new Comparison(ChainKind.Z, 30, 0.021, 0.019, 0.04, 0.5, 24);
        assertFalse(later.dualWins());
        assertTrue(later.explanation().contains("the noise start ends lower here"), later.explanation());
    }

    @Test
    void energiesCompareAsADifferenceAndTiesAreCalledTies() {
        Comparison x = new Comparison(ChainKind.X, 30, -1.26, -1.11, -0.98, -0.78, 27);
        assertEquals("After 30 steps: generator-initialised mean energy -1.26 vs -1.11 from noise (0.15 lower; at the "
                + "start -0.98 vs -0.78); the noise chains need 27 steps to get that low.", x.explanation());
        Comparison tie = new Comparison(ChainKind.Z, 10, 0.2810, 0.2812, 0.52, 0.53, 10);
        assertTrue(tie.tie());
        assertFalse(tie.dualWins());
        assertTrue(tie.explanation().contains("about the same here"), tie.explanation());
    }

    @Test
    void numbersHaveThreeSignificantDigitsAndNoExponent() {
        assertEquals("0.0213", Comparison.number(0.021349));
        assertEquals("-12.3", Comparison.number(-12.345));
        assertEquals("1230", Comparison.number(1234.5));
        assertEquals("0", Comparison.number(-0.0));
    }
}
