package dualmcmc.engine.export;

import dualmcmc.engine.mcmc.ChainInit;
import dualmcmc.engine.mcmc.ChainKind;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PaletteTest {

    @Test
    void classesAreTableauTenAndWrapAround() {
        assertEquals(10, Palette.classColours());
        assertEquals(0x4e79a7, Palette.classColour(0));
        assertEquals(0xf28e2b, Palette.classColour(1));
        assertEquals(0xe15759, Palette.classColour(2));
        assertEquals(0xbab0ac, Palette.classColour(9));
        assertEquals(Palette.classColour(0), Palette.classColour(10));
        assertEquals(Palette.classColour(9), Palette.classColour(-1));
        Set<Integer> distinct = new HashSet<>();
        for (int i = 0; i < Palette.classColours(); i++) {
            distinct.add(Palette.classColour(i));
        }
        assertEquals(Palette.classColours(), distinct.size());
    }

    @Test
    void theRolesAreFourDistinctColoursAndTheExportsUseThem() {
        assertEquals(4, Set.of(Palette.GENERATED, Palette.REVISED, Palette.INFERENCE, Palette.NOISE).size());
        assertEquals(Palette.REVISED, Colours.REVISED.getRGB() & 0xffffff);
        assertEquals(Palette.NOISE, Colours.chain(ChainKind.Z, ChainInit.NOISE).getRGB() & 0xffffff);
        assertEquals(Palette.INFERENCE, Colours.chain(ChainKind.Z, ChainInit.INFERENCE).getRGB() & 0xffffff);
        assertEquals(Palette.REVISED, Colours.chain(ChainKind.X, ChainInit.GENERATOR).getRGB() & 0xffffff);
    }
}
