package dualmcmc.app.files;

import dualmcmc.app.Document;
import dualmcmc.app.MainModel;
import dualmcmc.engine.io.Checkpoint;
import javafx.application.Platform;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.prefs.Preferences;

/**
 * The File menu's behaviour: New, Open, Open Recent, examples, Save, Save As and Quit, with the
 * unsaved-changes question before anything replaces models that have changed since they were
 * saved. Results and failures go to the status bar and the alert bar through {@link MainModel}.
 */
public final class FileActions {
    public static final FileChooser.ExtensionFilter MODELS =
            new FileChooser.ExtensionFilter("Dual-MCMC models (*" + Checkpoint.EXTENSION + ")", "*" + Checkpoint.EXTENSION);
    private static final String LAST_DIR = "lastDir";

    private final MainModel main;
    private final RecentFiles recent;
    private final Preferences prefs;
    private final Supplier<Window> owner;
    private Runnable exit = Platform::exit;

    public FileActions(MainModel main, RecentFiles recent, Preferences prefs, Supplier<Window> owner) {
        this.main = main;
        this.recent = recent;
        this.prefs = prefs;
        this.owner = owner;
    }

    public RecentFiles recent() {
        return recent;
    }

    /** What Quit does once the user agreed (the app ends; tests close only their window). */
    public void setExit(Runnable exit) {
        this.exit = exit;
    }

    /**
     * Runs {@code replace} once unsaved changes are saved or knowingly dropped. Completes with true
     * when the replacement succeeded; false when the user cancelled, the save failed (nothing then
     * runs) or the replacement failed (its message is shown and the models stay).
     */
    public CompletableFuture<Boolean> guard(String before, Supplier<? extends CompletableFuture<?>> replace) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        confirmDiscard(before).thenAccept(ok -> {
            if (!ok) {
                done.complete(false);
                return;
            }
            replace.get().whenComplete((v, e) -> done.complete(e == null));
        });
        return done;
    }

    /** True when nothing unsaved would be lost, the user saved it, or chose not to. */
    public CompletableFuture<Boolean> confirmDiscard(String before) {
        Document doc = main.document();
        if (!doc.isDirty()) {
            return CompletableFuture.completedFuture(true);
        }
        long it = main.iterationProperty().get();
        String detail = doc.file() == null
                ? String.format("These models (iteration %,d) have not been saved.", it)
                : String.format("They have changed since they were saved (now at iteration %,d).", it);
        return switch (UnsavedChangesPrompt.ask(owner.get(), doc.nameBinding().get(), before, detail)) {
            case SAVE -> save();
            case DISCARD -> CompletableFuture.completedFuture(true);
            case CANCEL -> CompletableFuture.completedFuture(false);
        };
    }

    /** File > New: fresh untitled models of the current data set, preset and seed. */
    public CompletableFuture<Boolean> newModels() {
        return guard("starting new models", main::reset);
    }

    /** File > Open: asks for a file, then opens it. */
    public void open() {
        FileChooser fc = chooser("Open models");
        File f = fc.showOpenDialog(owner.get());
        if (f != null) {
            remember(f.toPath());
            openFile(f.toPath());
        }
    }

    /**
     * Opens {@code file} after the unsaved-changes question. A file that has gone is dropped from
     * the recent list with a message; one that cannot be read leaves the current models in place.
     */
    public CompletableFuture<Boolean> openFile(Path file) {
        if (!Files.isRegularFile(file)) {
            recent.remove(file);
            String msg = file + " is no longer there; it was removed from the recent files.";
            main.messageProperty().set(msg);
            main.alertProperty().set(msg);
            return CompletableFuture.completedFuture(false);
        }
        return guard("opening " + file.getFileName(), () -> main.open(file).thenRun(() -> recent.add(file)));
    }

    /** Opens a bundled example (untitled: Save asks where to keep it). */
    public CompletableFuture<Boolean> openExample(String id) {
        return guard("opening the " + id + " example", () -> main.openExample(id));
    }

    /** File > Save: to the models' file, or Save As while they have none. Completes with true once saved. */
    public CompletableFuture<Boolean> save() {
        Path f = main.document().file();
        return f == null ? saveAs() : saveTo(f);
    }

    /** File > Save As: asks for a file name. */
    public CompletableFuture<Boolean> saveAs() {
        FileChooser fc = chooser("Save models as");
        fc.setInitialFileName(suggestedName());
        File f = fc.showSaveDialog(owner.get());
        if (f == null) {
            return CompletableFuture.completedFuture(false);
        }
        remember(f.toPath());
        return saveTo(withExtension(f.toPath()));
    }

    public CompletableFuture<Boolean> saveTo(Path file) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        main.save(file).whenComplete((p, e) -> {
            if (e == null) {
                recent.add(p);
            }
            done.complete(e == null);
        });
        return done;
    }

    /** File > Quit and the window's close button. */
    public void quit() {
        confirmDiscard("quitting").thenAccept(ok -> {
            if (ok) {
                exit.run();
            }
        });
    }

    /** "ring8-6000.dmcx": the data set and iteration, or the opened file's name. */
    String suggestedName() {
        Path f = main.document().file();
        if (f != null) {
            return f.getFileName().toString();
        }
        return main.datasetNameProperty().get() + "-" + main.iterationProperty().get() + Checkpoint.EXTENSION;
    }

    static Path withExtension(Path p) {
        String n = p.getFileName().toString();
        return n.toLowerCase(java.util.Locale.ROOT).endsWith(Checkpoint.EXTENSION) ? p
                : p.resolveSibling(n + Checkpoint.EXTENSION);
    }

    private FileChooser chooser(String title) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().add(MODELS);
        File dir = lastDir(prefs);
        if (dir != null) {
            fc.setInitialDirectory(dir);
        }
        return fc;
    }

    private void remember(Path chosen) {
        rememberDir(prefs, chosen);
    }

    /** The folder of the last file chosen in any of the app's choosers, when it still exists. */
    public static File lastDir(Preferences prefs) {
        String d = prefs.get(LAST_DIR, null);
        File f = d == null ? null : new File(d);
        return f != null && f.isDirectory() ? f : null;
    }

    public static void rememberDir(Preferences prefs, Path chosen) {
        Path dir = Files.isDirectory(chosen) ? chosen : chosen.toAbsolutePath().getParent();
        if (dir != null) {
            prefs.put(LAST_DIR, dir.toString());
        }
    }
}
