package dualmcmc.app;

import dualmcmc.app.io.AutosaveSettings;
import dualmcmc.engine.io.Autosaver;
import dualmcmc.engine.train.DualMcmcTrainer;
import dualmcmc.engine.train.IterationStats;
import dualmcmc.engine.train.TrainingListener;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * One training session's autosave: reads the current settings at every iteration, so a change in
 * the Autosave dialog applies to the running training without restarting it, and hands the
 * iteration to an engine {@link Autosaver} built for those settings. Runs on the training thread.
 */
final class AutosaveHook implements TrainingListener {
    private final Supplier<DualMcmcTrainer> trainer;
    private final Path dataDir;
    private final Supplier<AutosaveSettings> settings;
    private final Autosaver.Listener listener;
    private AutosaveSettings built;
    private Autosaver saver;

    AutosaveHook(Supplier<DualMcmcTrainer> trainer, Path dataDir, Supplier<AutosaveSettings> settings,
                 Autosaver.Listener listener) {
        this.trainer = trainer;
        this.dataDir = dataDir;
        this.settings = settings;
        this.listener = listener;
    }

    @Override
    public void iterationDone(IterationStats stats) {
        AutosaveSettings s = settings.get();
        if (s == null || !s.enabled()) {
            return;
        }
        if (!s.equals(built)) {
            saver = new Autosaver(trainer, dataDir, s.folderFor(trainer.get().data().name()), s.every(), s.keep(),
                    listener);
            built = s;
        }
        saver.iterationDone(stats);
    }
}
