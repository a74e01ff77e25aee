package dualmcmc.app;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;

/**
 * Where the current models came from and whether they differ from it: the file they were opened
 * from or saved to (null while untitled), the bundled example they were opened from, and a dirty
 * flag (iterations trained or settings changed since the last save or open). FX thread only.
 */
public final class Document {
    public static final String APP_NAME = "Dual-MCMC Explorer";

    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final StringProperty example = new SimpleStringProperty();
    private final BooleanProperty dirty = new SimpleBooleanProperty();
    /** The iteration the models had when they were last saved or opened; training past it makes them dirty. */
    private long cleanIteration;
    private final StringBinding name = Bindings.createStringBinding(this::describeName, file, example);
    private final StringBinding title = Bindings.createStringBinding(
            () -> name.get() + (dirty.get() ? " \u2022" : "") + " \u2014 " + APP_NAME, name, dirty);

    public Path file() {
        return file.get();
    }

    /** The id of the bundled example the (untitled) models were opened from, or null. */
    public ReadOnlyStringProperty exampleProperty() {
        return example;
    }

    public boolean isDirty() {
        return dirty.get();
    }

    /** "ring8.dmcx", "Untitled (from example ring8)" or "Untitled". */
    public StringBinding nameBinding() {
        return name;
    }

    /** The window title: the name, a bullet when there are unsaved changes, and the app's name. */
    public StringBinding titleBinding() {
        return title;
    }

    private String describeName() {
        if (file.get() != null) {
            return file.get().getFileName().toString();
        }
        return example.get() != null ? "Untitled (from example " + example.get() + ")" : "Untitled";
    }

    /** Fresh models nobody has trained yet: untitled, nothing to lose. */
    void fresh() {
        set(null, null, 0);
    }

    void opened(Path f, long iteration) {
        set(f, null, iteration);
    }

    /** An opened example is untitled, so Save asks where to put it and never writes into the app. */
    void openedExample(String id, long iteration) {
        set(null, id, iteration);
    }

    /** Saved models belong to their file from now on, whichever example they started from. */
    void saved(Path f, long iteration) {
        set(f, null, iteration);
    }

    /** The models reached {@code iteration}: dirty when that is not the saved state. */
    void trained(long iteration) {
        if (iteration != cleanIteration) {
            dirty.set(true);
        }
    }

    /** Settings changed. */
    void touch() {
        dirty.set(true);
    }

    private void set(Path f, String ex, long iteration) {
        file.set(f);
        example.set(ex);
        cleanIteration = iteration;
        dirty.set(false);
    }
}
