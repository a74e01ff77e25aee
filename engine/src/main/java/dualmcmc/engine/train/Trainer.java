package dualmcmc.engine.train;

import dualmcmc.engine.progress.IterationStats;

import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.model.ModelSet;

/** Learns a {@link ModelSet} one iteration at a time; not thread-safe (a session owns it). */
public interface Trainer {
    /** Runs one iteration; throws {@link DivergenceException} (state rolled back) if it diverged. */
    IterationStats step();

    /** Iterations completed so far. */
    long iteration();

    ModelSet models();

    TrainingConfig config();
}
