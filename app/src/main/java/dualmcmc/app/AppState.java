package dualmcmc.app;

import dualmcmc.app.io.AutosaveSettings;
import dualmcmc.engine.config.Presets;
import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.progress.TrainingState;
import dualmcmc.engine.session.DataInfo;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;

/**
 * What the window shows of the models and their training, as observable properties; FX thread
 * only. Holds no behaviour: the workers behind {@link MainModel} write it, views bind to it.
 */
public class AppState {
    public static final String START_DATASET = "ring8";
    public static final long DEFAULT_SEED = 1;

    private final StringProperty datasetName = new SimpleStringProperty(START_DATASET);
    private final StringProperty presetName = new SimpleStringProperty(Presets.defaultFor(START_DATASET));
    private final ObjectProperty<TrainingConfig> config =
            new SimpleObjectProperty<>(Presets.get(Presets.defaultFor(START_DATASET)));
    private final LongProperty seed = new SimpleLongProperty(DEFAULT_SEED);
    private final ObjectProperty<Path> dataDir = new SimpleObjectProperty<>();
    private final ObjectProperty<DataInfo> data = new SimpleObjectProperty<>();
    private final ObjectProperty<TrainingState> state = new SimpleObjectProperty<>(TrainingState.READY);
    private final LongProperty iteration = new SimpleLongProperty();
    private final DoubleProperty itersPerSecond = new SimpleDoubleProperty();
    private final IntegerProperty trainingCores = new SimpleIntegerProperty(1);
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty alert = new SimpleStringProperty();
    private final IntegerProperty busy = new SimpleIntegerProperty();
    private final IntegerProperty generation = new SimpleIntegerProperty();
    private final BooleanProperty pendingRebuild = new SimpleBooleanProperty();
    private final ObjectProperty<AutosaveSettings> autosave = new SimpleObjectProperty<>(
            new AutosaveSettings(false, AutosaveSettings.DEFAULT_EVERY, AutosaveSettings.DEFAULT_KEEP, null));
    private final Document document = new Document();

    public StringProperty datasetNameProperty() {
        return datasetName;
    }

    /** The settings' label: a preset's name, * when edited, or the file they came from. */
    public StringProperty presetNameProperty() {
        return presetName;
    }

    public ObjectProperty<TrainingConfig> configProperty() {
        return config;
    }

    public TrainingConfig config() {
        return config.get();
    }

    public LongProperty seedProperty() {
        return seed;
    }

    /** The folder the current data set was read from (imports, mnist, full Fashion-MNIST), or null. */
    public ObjectProperty<Path> dataDirProperty() {
        return dataDir;
    }

    public ObjectProperty<DataInfo> dataProperty() {
        return data;
    }

    public ObjectProperty<TrainingState> stateProperty() {
        return state;
    }

    public boolean isTraining() {
        return state.get() == TrainingState.RUNNING;
    }

    public LongProperty iterationProperty() {
        return iteration;
    }

    public DoubleProperty itersPerSecondProperty() {
        return itersPerSecond;
    }

    /** The cores the current trainer keeps busy (the blocks of its batch run in parallel). */
    public IntegerProperty trainingCoresProperty() {
        return trainingCores;
    }

    /** The status bar's line. */
    public StringProperty messageProperty() {
        return message;
    }

    /** The latest warning for the user (divergence, refused value); views show it as a notification. */
    public StringProperty alertProperty() {
        return alert;
    }

    /** How many tasks are on the worker: the status bar's progress shows while it is above 0. */
    public IntegerProperty busyProperty() {
        return busy;
    }

    /** Bumped whenever a new model set is built (data set, preset, seed, reset): views recompute. */
    public IntegerProperty generationProperty() {
        return generation;
    }

    /** A network setting changed after training began: it applies on Reset. */
    public BooleanProperty pendingRebuildProperty() {
        return pendingRebuild;
    }

    /** Autosave during training; applies to the running training from its next iteration. */
    public ObjectProperty<AutosaveSettings> autosaveProperty() {
        return autosave;
    }

    /** The current models' file, example and unsaved-changes state. */
    public Document document() {
        return document;
    }

    /** A failure as a user reads it: the engine's messages name the file and the problem. */
    public static String describe(Throwable e) {
        Throwable t = e;
        while ((t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof java.nio.file.NoSuchFileException n) {
            return "no such file or folder: " + n.getFile();
        }
        if (t instanceof java.nio.file.AccessDeniedException a) {
            return "permission denied: " + a.getFile();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    /** Shows {@code msg} in the status bar and as a notification. */
    void fail(String msg) {
        message.set(msg);
        alert.set(msg);
    }
}
