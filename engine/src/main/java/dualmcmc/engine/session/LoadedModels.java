package dualmcmc.engine.session;

import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.train.DualMcmcTrainer;

import java.nio.file.Path;
import java.util.Map;

/**
 * Models ready to take over in one step ({@link Explorer#adopt}): built fresh, or read from a
 * file or a bundled example, with what the window shows of them.
 *
 * @param dataset  the data set's name
 * @param preset   the label of the settings (a preset's name, or where they came from)
 * @param dataDir  the folder the data set was read from, or null for generated and bundled sets
 * @param file     the file the models were read from, or null
 * @param example  the bundled example they were read from, or null
 * @param metrics  the metrics the file recorded (empty for fresh models)
 * @param data     the data set as views draw it
 * @param handle   the models themselves, opaque outside the engine
 */
public record LoadedModels(String dataset, String preset, TrainingConfig config, long seed, Path dataDir, Path file,
                           String example, Map<String, Object> metrics, DataInfo data, long iteration,
                           Handle handle) {
    /** The trainer; only the session package reaches into it. */
    public static final class Handle {
        final DualMcmcTrainer trainer;

        Handle(DualMcmcTrainer trainer) {
            this.trainer = trainer;
        }
    }

    static LoadedModels of(DualMcmcTrainer t, String preset, long seed, Path dataDir, Path file, String example,
                           Map<String, Object> metrics) {
        return new LoadedModels(t.data().name(), preset, t.config(), seed, dataDir, file, example,
                metrics == null ? Map.of() : metrics, DataInfo.of(t.data(), seed), t.iteration(), new Handle(t));
    }
}
