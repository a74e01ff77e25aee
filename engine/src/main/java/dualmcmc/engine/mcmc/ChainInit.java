package dualmcmc.engine.mcmc;

import java.util.Locale;

/**
 * Where a chain starts: from the generator (x) or the inference model (z), as dual-MCMC teaching
 * does, or from noise, as the baselines it improves on (short-run EBM, alternating back-propagation).
 */
public enum ChainInit {
    GENERATOR, INFERENCE, NOISE;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ChainInit parse(String s) {
        for (ChainInit i : values()) {
            if (i.key().equals(s)) {
                return i;
            }
        }
        throw new IllegalArgumentException("init must be one of generator, inference, noise, got '" + s + "'");
    }
}
