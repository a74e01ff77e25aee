package dualmcmc.engine.io;

import dualmcmc.engine.train.DualMcmcTrainer;
import dualmcmc.engine.progress.IterationStats;
import dualmcmc.engine.progress.TrainingListener;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Saves a checkpoint every {@code every} iterations into {@code dir} as
 * {@code autosave-<iteration>.dmcx} and keeps the newest {@code keep}. As a training listener it
 * runs on the training thread between two iterations, so the state it writes is consistent; a
 * failed save (full disk, read-only or removed folder) is reported in one line, e.g. "Autosave
 * failed: no space left on device (/runs/autosave-000000600.dmcx)", the earlier autosaves stay, and
 * training goes on (losing an autosave must not lose the run).
 */
public final class Autosaver implements TrainingListener {
    static final String PREFIX = "autosave-";

    /** Hears about each autosave; called on the training thread, so hand off quickly. */
    public interface Listener {
        void saved(Path file);

        /** One line for a status bar or a log, e.g. "Autosave failed: the folder is read-only (/runs)". */
        void failed(String message);
    }

    /** Read at each save: a session may continue under a new trainer (a changed setting). */
    private final Supplier<DualMcmcTrainer> trainer;
    private final Path dataDir;
    private final Path dir;
    private final int every;
    private final int keep;
    private final Listener listener;

    public Autosaver(DualMcmcTrainer trainer, Path dataDir, Path dir, int every, int keep, Listener listener) {
        this(() -> trainer, dataDir, dir, every, keep, listener);
    }

    /** Saves whichever trainer {@code trainer} gives at the time of each save. */
    public Autosaver(Supplier<DualMcmcTrainer> trainer, Path dataDir, Path dir, int every, int keep,
                     Listener listener) {
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
            // each autosave has a new name, so the leftovers of a killed one are no concern of the
            // next save's own sweep (AtomicFiles); this folder's autosaves all run on this thread
            AtomicFiles.removeLeftovers(dir, Autosaver::isAutosave);
            Checkpoint.save(file, trainer.get(), dataDir, Map.of("last_iteration", stats.toMap()));
        } catch (IOException | RuntimeException e) {
            listener.failed("Autosave failed: " + reason(e));
            return;
        }
        listener.saved(file);
        try {
            prune();
        } catch (IOException e) {
            listener.failed("Autosaved, but an older autosave could not be removed: "
                    + WriteFailure.reason(file, e));
        }
    }

    private static boolean isAutosave(String fileName) {
        return fileName.startsWith(PREFIX) && fileName.endsWith(Checkpoint.EXTENSION);
    }

    /** AtomicFiles words its failures already; anything else (a bug, out of memory in ND4J) says what it is. */
    private static String reason(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
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
