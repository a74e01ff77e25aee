package dualmcmc.app;

import dualmcmc.app.io.AutosaveSettings;
import dualmcmc.engine.config.Presets;
import dualmcmc.engine.data.DrawnData;
import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.progress.IterationStats;
import dualmcmc.engine.session.Explorer;
import dualmcmc.engine.session.ModelQueries;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The app's one door to the engine: the window's state ({@link AppState}) and the commands that
 * change it. The models live behind the engine's {@link Explorer}; they are touched only on one
 * worker thread ({@link ModelWorker}) or between two training iterations, so the FX thread never
 * trains, samples, loads, saves or waits for either. Loading ({@link ModelLoading}), training
 * ({@link TrainingControl}) and settings ({@link SettingsControl}) each have their own class.
 */
public final class MainModel extends AppState {
    private final TrainingControl training;
    private final ModelWorker worker;
    private final ModelLoading loading;
    private final SettingsControl settings;
    private final List<Runnable> disposeHooks = new ArrayList<>();
    /** The autosave settings as the training thread reads them. */
    private volatile AutosaveSettings autosaveNow = autosaveProperty().get();

    /**
     * @param defaultDataDir where {@code mnist} and the full {@code fashion-mnist} are read from when
     *                       chosen by name (the command line's --data-dir), or null
     */
    public MainModel(Path defaultDataDir) {
        autosaveProperty().addListener((o, a, b) -> autosaveNow = b);
        training = new TrainingControl(this);
        Explorer explorer = new Explorer(training, dataset -> {
            AutosaveSettings s = autosaveNow;
            return s == null || !s.enabled() ? null
                    : new Explorer.Autosave(s.folderFor(dataset), s.every(), s.keep());
        });
        worker = new ModelWorker(this, explorer);
        training.attach(explorer, worker);
        loading = new ModelLoading(this, worker, explorer, training, defaultDataDir);
        settings = new SettingsControl(this, worker, explorer, this::reset);
    }

    /** Whether the command line named a data folder for mnist / the full Fashion-MNIST. */
    public boolean hasDefaultDataDir() {
        return loading.hasDefaultDataDir();
    }

    /** Called on the FX thread with the iterations done since the last frame (coalesced to the screen rate). */
    public void addStatsListener(Consumer<List<IterationStats>> l) {
        training.addStatsListener(l);
    }

    // ---------------------------------------------------------------- models

    /** Data set {@code name} with its default preset and fresh models (mnist from the command line's folder). */
    public CompletableFuture<Void> load(String name) {
        return load(name, loading.defaultDirFor(name));
    }

    /** Data set {@code name} read from {@code dir} (an import; null for generated and bundled sets). */
    public CompletableFuture<Void> load(String name, Path dir) {
        String preset = Presets.defaultFor(name);
        return loading.fresh(name, dir, preset, Presets.get(preset), seedProperty().get());
    }

    /** Fresh models of the 2-D toys' preset on points the user drew ({@code [x, y]} rows, model units). */
    public CompletableFuture<Void> loadDrawn(float[][] points) {
        String preset = Presets.defaultFor(DrawnData.NAME);
        return loading.freshDrawn(points, preset, Presets.get(preset), seedProperty().get());
    }

    public CompletableFuture<Void> setPreset(String name) {
        return loading.presetHere(name);
    }

    public CompletableFuture<Void> setSeed(long s) {
        return loading.fresh(datasetNameProperty().get(), dataDirProperty().get(), presetNameProperty().get(),
                config(), s);
    }

    /** Fresh, untitled models for the current data set and seed with {@code cfg}, labelled {@code preset}. */
    public CompletableFuture<Void> freshWith(String preset, TrainingConfig cfg) {
        return loading.freshHere(preset, cfg);
    }

    /** Fresh, untitled models for the current data set, config and seed (File > New and Reset). */
    public CompletableFuture<Void> reset() {
        return loading.freshHere(presetNameProperty().get(), config());
    }

    /** Opens a checkpoint; Train continues it. A bad file changes nothing and its problem is shown. */
    public CompletableFuture<Void> open(Path file) {
        return loading.open(file);
    }

    /** Opens a bundled example as untitled models (Save asks where to put them). */
    public CompletableFuture<Void> openExample(String id) {
        return loading.openExample(id);
    }

    /** The first screen: the bundled example {@code id}, else fresh models of the data set of that name. */
    public CompletableFuture<Void> openExampleOrFresh(String id) {
        return loading.openExampleOrFresh(id);
    }

    /** Saves the models as a checkpoint, atomically; completes on the FX thread. */
    public CompletableFuture<Path> save(Path file) {
        return loading.save(file);
    }

    // ---------------------------------------------------------------- training

    /** Starts or continues training without an end. */
    public void train() {
        trainUntil(Long.MAX_VALUE);
    }

    /** Trains until the models have done {@code target} iterations; completes when they get there (or stop). */
    public CompletableFuture<Void> trainUntil(long target) {
        return training.trainUntil(target);
    }

    public void pause() {
        training.pause();
    }

    public void togglePlay() {
        if (isTraining()) {
            pause();
        } else {
            train();
        }
    }

    /** Ends the training thread; the models stay for the chain views, and Train continues from here. */
    public void stop() {
        training.stop();
    }

    /**
     * Validates {@code key = text} as the engine does and applies it: chain, loss and optimiser
     * settings at once (even while training, on the same thread and optimiser state); network
     * settings now before training has started, else on Reset.
     *
     * @return null when applied, else the engine's message naming the key and its allowed range
     */
    public String applySetting(String key, String text) {
        return settings.apply(key, text);
    }

    // ---------------------------------------------------------------- work for views

    /**
     * Asks the models (between two training iterations) and completes on the FX thread; results of
     * a model set replaced meanwhile are dropped, and work asked of replaced models does not run
     * (the future completes with null).
     */
    public <T> CompletableFuture<T> compute(Function<ModelQueries, T> work) {
        return worker.compute(work);
    }

    /** Runs {@code work} on the worker (file writes, exports) and completes on the FX thread. */
    public <T> CompletableFuture<T> background(Callable<T> work) {
        return worker.background(work);
    }

    /** Runs {@code work} on the worker with the current data set (read-only; training goes on). */
    public <T> CompletableFuture<T> withData(Explorer.DataWork<T> work) {
        return worker.background(() -> worker.withData(work));
    }

    /** Runs {@code hook} on {@link #dispose()}: views end their own worker threads. */
    public void onDispose(Runnable hook) {
        disposeHooks.add(hook);
    }

    public void dispose() {
        settings.close();
        training.dispose();
        disposeHooks.forEach(Runnable::run);
        worker.dispose();
    }
}
