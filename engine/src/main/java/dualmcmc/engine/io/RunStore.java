package dualmcmc.engine.io;

import dualmcmc.engine.train.DualMcmcTrainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A run directory as {@code train --out DIR} writes it: the checkpoint {@code model.dmcx} beside
 * {@code metrics.jsonl} and {@code summary.json}. Commands that take {@code --run} accept either
 * the directory or a checkpoint file.
 */
public final class RunStore {
    public static final String CHECKPOINT = "model" + Checkpoint.EXTENSION;

    private RunStore() {
    }

    public static void save(Path dir, DualMcmcTrainer trainer, Path dataDir, Map<String, Object> metrics)
            throws IOException {
        save(dir, trainer, dataDir, metrics, Map.of());
    }

    public static void save(Path dir, DualMcmcTrainer trainer, Path dataDir, Map<String, Object> metrics,
                            Map<String, Object> extra) throws IOException {
        Files.createDirectories(dir);
        Checkpoint.save(dir.resolve(CHECKPOINT), trainer, dataDir, metrics, extra);
    }

    public static Checkpoint.Loaded load(Path runOrCheckpoint) throws IOException {
        if (Files.isDirectory(runOrCheckpoint)) {
            Path file = runOrCheckpoint.resolve(CHECKPOINT);
            if (!Files.exists(file)) {
                throw new IllegalArgumentException(runOrCheckpoint + " is not a run directory (no " + CHECKPOINT + ")");
            }
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(runOrCheckpoint + " is not a run directory (its " + CHECKPOINT
                        + " is not a file)");
            }
            return Checkpoint.load(file);
        }
        return Checkpoint.load(runOrCheckpoint);
    }
}
