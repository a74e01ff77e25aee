package dualmcmc.app.chain;

import dualmcmc.engine.config.LangevinSettings;
import dualmcmc.engine.mcmc.ChainTrace;

/** One run of a revision view's chains: the recorded trace, its settings and the models' iteration. */
public interface ChainResult {
    ChainTrace trace();

    LangevinSettings settings();

    long iteration();

    /** The observations the chains revise latents for (z-chains), or null. */
    default float[][] targets() {
        return null;
    }
}
