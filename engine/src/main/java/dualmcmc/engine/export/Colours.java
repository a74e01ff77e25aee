package dualmcmc.engine.export;

import dualmcmc.engine.mcmc.ChainInit;
import dualmcmc.engine.mcmc.ChainKind;

import java.awt.Color;

/**
 * The exported pictures' colours, the app's roles (app/chart/Roles): generator samples orange,
 * revised samples blue, inference-started z-chains teal, noise-started chains purple.
 */
final class Colours {
    static final Color GENERATED = new Color(0xf28e2b);
    static final Color REVISED = new Color(0x1f6fd1);
    static final Color INFERENCE = new Color(0x2a9d8f);
    static final Color NOISE = new Color(0x8e5cc8);

    private Colours() {
    }

    static Color chain(ChainKind kind, ChainInit init) {
        if (init == ChainInit.NOISE) {
            return NOISE;
        }
        return kind == ChainKind.X ? REVISED : INFERENCE;
    }
}
