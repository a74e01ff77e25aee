package dualmcmc.app.io;

import dualmcmc.app.MainModel;
import dualmcmc.app.files.FileActions;
import dualmcmc.engine.data.Datasets;
import javafx.stage.Window;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.prefs.Preferences;

/**
 * File > Import data: asks for the format and location, then (after the unsaved-changes question)
 * makes the imported data set current with fresh models; the models stay when it cannot be read.
 */
public final class ImportActions {
    private final MainModel main;
    private final FileActions files;
    private final Preferences prefs;
    private final Supplier<Window> owner;

    public ImportActions(MainModel main, FileActions files, Preferences prefs, Supplier<Window> owner) {
        this.main = main;
        this.files = files;
        this.prefs = prefs;
        this.owner = owner;
    }

    /**
     * Shows the dialog with {@code initial} chosen (null: the full Fashion-MNIST when installed, else
     * a folder of images); completes with true once the data set is loaded.
     */
    public CompletableFuture<Boolean> importData(ImportFormat initial) {
        var detected = Datasets.detectFashionMnist();
        ImportFormat first = initial != null ? initial
                : detected.isPresent() ? ImportFormat.FASHION_MNIST : ImportFormat.IMAGES;
        return new ImportDialog(owner.get(), prefs, first, detected).showAndWait()
                .map(this::load)
                .orElse(CompletableFuture.completedFuture(false));
    }

    public CompletableFuture<Boolean> load(ImportDialog.Request r) {
        return files.guard("importing " + r.path().getFileName(),
                () -> main.load(r.format().dataset(), r.path()));
    }
}
