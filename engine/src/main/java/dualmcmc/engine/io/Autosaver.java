package dualmcmc.engine.io;

import dualmcmc.engine.train.DualMcmcTrainer;
import dualmcmc.engine.train.IterationStats;
import dualmcmc.engine.train.TrainingListener;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Saves a checkpoint every {@code every} iterations into {@code dir} as
 * {@code autosave-<iteration>.dmcx} and keeps the newest {@code keep}. As a training listener it
 * runs on the training thread between two iterations, so the state it writes is consistent; a
 * failed save is reported and training goes on (losing an autosave must not lose the run).
 */
public final class Autosaver implements TrainingListener {
    static final String PREFIX = "autosave-";

    /** Hears about each autosave; called on the training thread, so hand off quickly. */
    public interface Listener {
        void saved(Path file);

        void failed(String message);
    }

    private final DualMcmcTrainer trainer;
    private final Path dataDir;
    private final Path dir;
    private final int every;
    private final int keep;
    private final Listener listener;

    public Autosaver(DualMcmcTrainer trainer, Path dataDir, Path dir, int every, int keep, Listener listener) {
        if (every < 1 || keep < 1) {
            throw new IllegalArgumentException("autosave needs every >= 1 iteration and keep >= 1 file, got every "
                    + every + ", keep " + keep);
        }
        this.trainer = trainer;
        this.dataDir = dataDir;
        this.dir = dir;
        this.every = every;
        this.keep = keep;
        this.listener = listener;
    }

    @Override
    public void iterationDone(IterationStats stats) {
        if (stats.iteration() % every != 0) {
            return;
        }
        Path file = dir.resolve(String.format("%s%09d%s", PREFIX, stats.iteration(), Checkpoint.EXTENSION));
        try {
            Checkpoint.save(file, trainer, dataDir, Map.of("last_iteration", stats.toMap()));
            prune();
            listener.saved(file);
        } catch (IOException | RuntimeException e) {
            listener.failed("autosave to " + file + " failed: " + e.getMessage());
        }
    }

    /** The autosaves in {@code dir}, oldest first (zero-padded iterations sort by name). */
    public static List<Path> saved(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, PREFIX + "*" + Checkpoint.EXTENSION)) {
            ds.forEach(files::add);
        }
        files.sort(null);
        return files;
    }

    private void prune() throws IOException {
        List<Path> files = saved(dir);
        for (int i = 0; i < files.size() - keep; i++) {
            Files.deleteIfExists(files.get(i));
        }
    }
}
