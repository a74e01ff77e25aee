package dualmcmc.engine.session;

import dualmcmc.engine.io.Autosaver;
import dualmcmc.engine.progress.IterationStats;
import dualmcmc.engine.progress.TrainingListener;
import dualmcmc.engine.train.DualMcmcTrainer;

import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One training session's autosave: asks for the current policy at every iteration, so a change
 * in the app's Autosave dialog applies to the running training without restarting it, and hands
 * the iteration to an {@link Autosaver} built for that policy. Runs on the training thread.
 */
final class AutosaveHook implements TrainingListener {
    private final Supplier<DualMcmcTrainer> trainer;
    private final Path dataDir;
    private final Function<String, Explorer.Autosave> policy;
    private final Autosaver.Listener listener;
    private Explorer.Autosave built;
    private Autosaver saver;

    AutosaveHook(Supplier<DualMcmcTrainer> trainer, Path dataDir, Function<String, Explorer.Autosave> policy,
                 Autosaver.Listener listener) {
        this.trainer = trainer;
        this.dataDir = dataDir;
        this.policy = policy;
        this.listener = listener;
    }

    @Override
    public void iterationDone(IterationStats stats) {
        Explorer.Autosave p = policy.apply(trainer.get().data().name());
        if (p == null) {
            return;
        }
        if (!p.equals(built)) {
            saver = new Autosaver(trainer, dataDir, p.folder(), p.every(), p.keep(), listener);
            built = p;
        }
        saver.iterationDone(stats);
    }
}
