package dualmcmc.app.files;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/**
 * The last few model files opened or saved, newest first, kept in the app's preferences so the
 * File menu offers them in the next session too.
 */
public final class RecentFiles {
    public static final int MAX = 8;
    private static final String KEY = "recent.";
    private final Preferences prefs;
    private final ObservableList<Path> files = FXCollections.observableArrayList();

    public RecentFiles(Preferences prefs) {
        this.prefs = prefs;
        for (int i = 0; i < MAX; i++) {
            String s = prefs.get(KEY + i, null);
            if (s != null && !s.isBlank()) {
                try {
                    files.add(Path.of(s));
                } catch (java.nio.file.InvalidPathException e) {
                    // a hand-edited entry that is no path: drop it
                }
            }
        }
    }

    /** Newest first. */
    public ObservableList<Path> files() {
        return files;
    }

    /** Puts {@code file} first (moving it when it is already listed) and drops the oldest beyond {@link #MAX}. */
    public void add(Path file) {
        Path f = file.toAbsolutePath().normalize();
        List<Path> next = new ArrayList<>(files);
        next.remove(f);
        next.add(0, f);
        while (next.size() > MAX) {
            next.remove(next.size() - 1);
        }
        files.setAll(next);
        store();
    }

    public void remove(Path file) {
        files.remove(file.toAbsolutePath().normalize());
        store();
    }

    public void clear() {
        files.clear();
        store();
    }

    private void store() {
        for (int i = 0; i < MAX; i++) {
            if (i < files.size()) {
                prefs.put(KEY + i, files.get(i).toString());
            } else {
                prefs.remove(KEY + i);
            }
        }
    }
}
