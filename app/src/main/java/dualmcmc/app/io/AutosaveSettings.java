package dualmcmc.app.io;

import java.nio.file.Path;
import java.util.prefs.Preferences;

/**
 * Autosave during training: on or off, every how many iterations, how many files to keep, and the
 * folder (null: {@code ~/.dualmcmc/autosave/<data set>}, so runs on different data sets do not
 * prune each other's files). Stored in the app's preferences.
 */
public record AutosaveSettings(boolean enabled, int every, int keep, Path folder) {
    public static final int DEFAULT_EVERY = 500;
    public static final int DEFAULT_KEEP = 3;
    public static final AutosaveSettings DEFAULT = new AutosaveSettings(true, DEFAULT_EVERY, DEFAULT_KEEP, null);
    private static final String ENABLED = "autosave.enabled";
    private static final String EVERY = "autosave.every";
    private static final String KEEP = "autosave.keep";
    private static final String FOLDER = "autosave.folder";

    public AutosaveSettings {
        if (every < 1 || keep < 1) {
            throw new IllegalArgumentException("autosave needs every >= 1 iteration and keep >= 1 file");
        }
    }

    /** The default root, one sub-folder per data set. */
    public static Path defaultRoot() {
        return Path.of(System.getProperty("user.home"), ".dualmcmc", "autosave");
    }

    /** Where autosaves of a model trained on {@code dataset} go. */
    public Path folderFor(String dataset) {
        return folder != null ? folder : defaultRoot().resolve(dataset);
    }

    public static AutosaveSettings load(Preferences prefs) {
        String f = prefs.get(FOLDER, "");
        try {
            return new AutosaveSettings(prefs.getBoolean(ENABLED, DEFAULT.enabled()),
                    prefs.getInt(EVERY, DEFAULT_EVERY), prefs.getInt(KEEP, DEFAULT_KEEP),
                    f.isBlank() ? null : Path.of(f));
        } catch (IllegalArgumentException e) {
            // hand-edited preferences out of range: fall back rather than refuse to start
            return DEFAULT;
        }
    }

    public void store(Preferences prefs) {
        prefs.putBoolean(ENABLED, enabled);
        prefs.putInt(EVERY, every);
        prefs.putInt(KEEP, keep);
        prefs.put(FOLDER, folder == null ? "" : folder.toString());
    }
}
