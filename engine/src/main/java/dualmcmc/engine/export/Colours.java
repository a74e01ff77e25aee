package dualmcmc.engine.export;

import dualmcmc.engine.mcmc.ChainInit;
import dualmcmc.engine.mcmc.ChainKind;

import java.awt.Color;

/** The {@link Palette} as AWT colours, for the exported pictures. */
final class Colours {
    static final Color GENERATED = new Color(Palette.GENERATED);
    static final Color REVISED = new Color(Palette.REVISED);
    static final Color INFERENCE = new Color(Palette.INFERENCE);
    static final Color NOISE = new Color(Palette.NOISE);

    private Colours() {
    }

    static Color chain(ChainKind kind, ChainInit init) {
        if (init == ChainInit.NOISE) {
            return NOISE;
        }
        return kind == ChainKind.X ? REVISED : INFERENCE;
    }
}
