package dualmcmc.app;

import dualmcmc.app.io.AutosaveSettings;
import dualmcmc.engine.config.Presets;
import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.data.Dataset;
import dualmcmc.engine.data.Datasets;
import dualmcmc.engine.io.Autosaver;
import dualmcmc.engine.io.Checkpoint;
import dualmcmc.engine.io.Examples;
import dualmcmc.engine.io.Json;
import dualmcmc.engine.train.DualMcmcTrainer;
import dualmcmc.engine.train.IterationStats;
import dualmcmc.engine.train.TrainingListener;
import dualmcmc.engine.train.TrainingSession;
import dualmcmc.engine.train.TrainingSession.State;
import dualmcmc.engine.train.TrainingSetup;
import dualmcmc.engine.util.Nd4jSetup;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The app's state and the one door to the engine. Observable properties live on the FX thread;
 * the data set, models, trainer and session are touched only on one worker thread or, while a
 * session's thread is alive, between iterations through {@link TrainingSession#withModels}, so the
 * FX thread never trains, samples, loads, saves or waits for either.
 */
public final class MainModel {
    public static final String START_DATASET = "ring8";
    public static final long DEFAULT_SEED = 1;
    /** Loaded data sets kept for quick switching back; image sets are large, so only a few. */
    private static final int CACHED_DATASETS = 3;

    /*
     * One worker thread. A request that arrives after dispose() (a late click, timer or dialog
     * answer while the window closes) is dropped: there are no models left to serve it, and the
     * executor's default RejectedExecutionException would surface on the FX thread instead.
     */
    private final ExecutorService worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "explorer-worker");
                t.setDaemon(true);
                return t;
            }, new ThreadPoolExecutor.DiscardPolicy());
    /** The command line's --data-dir: where mnist / the full Fashion-MNIST are read when chosen by name. */
    private final Path defaultDataDir;

    private final StringProperty datasetName = new SimpleStringProperty(START_DATASET);
    private final StringProperty presetName = new SimpleStringProperty(Presets.defaultFor(START_DATASET));
    private final ObjectProperty<TrainingConfig> config =
            new SimpleObjectProperty<>(Presets.get(Presets.defaultFor(START_DATASET)));
    private final LongProperty seed = new SimpleLongProperty(DEFAULT_SEED);
    private final ObjectProperty<Path> dataDir = new SimpleObjectProperty<>();
    private final ObjectProperty<DataInfo> data = new SimpleObjectProperty<>();
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.READY);
    private final LongProperty iteration = new SimpleLongProperty();
    private final DoubleProperty itersPerSecond = new SimpleDoubleProperty();
    /** The cores the current trainer keeps busy (the blocks of its batch run in parallel). */
    private final IntegerProperty trainingCores = new SimpleIntegerProperty(1);
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty alert = new SimpleStringProperty();
    private final IntegerProperty busy = new SimpleIntegerProperty();
    private final IntegerProperty generation = new SimpleIntegerProperty();
    private final BooleanProperty pendingRebuild = new SimpleBooleanProperty();
    private final ObjectProperty<AutosaveSettings> autosave = new SimpleObjectProperty<>(
            new AutosaveSettings(false, AutosaveSettings.DEFAULT_EVERY, AutosaveSettings.DEFAULT_KEEP, null));
    private final Document document = new Document();

    private final ConcurrentLinkedQueue<IterationStats> statsQueue = new ConcurrentLinkedQueue<>();
    private final List<Consumer<List<IterationStats>>> statsListeners = new ArrayList<>();
    private final List<CompletableFuture<Void>> finishWaiters = new ArrayList<>();
    private final List<Runnable> disposeHooks = new ArrayList<>();
    /** The latest iteration seen on the FX thread, saved with the models as their current metrics. */
    private IterationStats lastStats;
    /** The metrics in the manifest of the opened file; still true of the models until they train on. */
    private Map<String, Object> openedMetrics = Map.of();

    // engine side: written on the worker thread only
    private final Map<String, Dataset> datasets = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Dataset> eldest) {
            return size() > CACHED_DATASETS;
        }
    };
    private volatile DualMcmcTrainer trainer;
    private volatile TrainingSession session;
    /** The generation of the models the worker holds; work asked for on older models is skipped. */
    private volatile int modelsGeneration;
    /** The last generation handed out (FX thread): each replacement gets a new one, even if it fails. */
    private int lastGeneration;
    /** The data folder of the models the worker holds (recorded in their checkpoints and autosaves). */
    private volatile Path modelsDataDir;
    private volatile boolean disposed;
    /** The autosave settings as the training thread reads them. */
    private volatile AutosaveSettings autosaveNow = autosave.get();

    private long rateIter = -1;
    private long rateTime;

    /** New models, or models read from a file, ready to replace the current ones in one step. */
    private record Prepared(Dataset data, DualMcmcTrainer trainer, long seed, Path dataDir, String dataset,
                            String preset, TrainingConfig config, Path file, String example,
                            Map<String, Object> metrics) {
    }

    /**
     * @param defaultDataDir where {@code mnist} and the full {@code fashion-mnist} are read from when
     *                       chosen by name (the command line's --data-dir), or null
     */
    /**
     * Hands the training statistics to the FX thread once per frame. A running AnimationTimer is
     * held by the toolkit, and with it everything this model reaches: dispose() stops it (the UI
     * tests' models, one per test, were otherwise all kept until the heap ran out).
     */
    private final AnimationTimer pump;

    public MainModel(Path defaultDataDir) {
        this.defaultDataDir = defaultDataDir;
        autosave.addListener((o, a, b) -> autosaveNow = b);
        pump = new AnimationTimer() {
            @Override
            public void handle(long now) {
                drain(now);
            }
        };
        pump.start();
    }

    // ---------------------------------------------------------------- properties (FX thread)

    public StringProperty datasetNameProperty() {
        return datasetName;
    }

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

    /** Whether the command line named a data folder for mnist / the full Fashion-MNIST. */
    public boolean hasDefaultDataDir() {
        return defaultDataDir != null;
    }

    /** The current models' file, example and unsaved-changes state. */
    public Document document() {
        return document;
    }

    /** Autosave during training; applies to the running training from its next iteration. */
    public ObjectProperty<AutosaveSettings> autosaveProperty() {
        return autosave;
    }

    public ObjectProperty<DataInfo> dataProperty() {
        return data;
    }

    public ObjectProperty<State> stateProperty() {
        return state;
    }

    public LongProperty iterationProperty() {
        return iteration;
    }

    public DoubleProperty itersPerSecondProperty() {
        return itersPerSecond;
    }

    public IntegerProperty trainingCoresProperty() {
        return trainingCores;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** The latest warning for the user (divergence, refused value); views show it as a notification. */
    public StringProperty alertProperty() {
        return alert;
    }

    public IntegerProperty busyProperty() {
        return busy;
    }

    /** Bumped whenever a new model set is built (data set, preset, seed, reset): views recompute. */
    public IntegerProperty generationProperty() {
        return generation;
    }

    public BooleanProperty pendingRebuildProperty() {
        return pendingRebuild;
    }

    public boolean isTraining() {
        return state.get() == State.RUNNING;
    }

    /** Called on the FX thread with the iterations done since the last frame (coalesced to the screen rate). */
    public void addStatsListener(Consumer<List<IterationStats>> l) {
        statsListeners.add(l);
    }

    // ---------------------------------------------------------------- commands (FX thread)

    /**
     * Loads a data set with its default preset and fresh models; mnist and fashion-mnist read the
     * command line's data folder when one was given.
     */
    public CompletableFuture<Void> load(String name) {
        boolean folderSet = name.equals(Datasets.MNIST) || name.equals(Datasets.FASHION_MNIST);
        return load(name, folderSet ? defaultDataDir : null);
    }

    /**
     * Loads data set {@code name} from {@code dir} (an import; null for generated and bundled sets)
     * with its default preset and fresh models. On failure the current models stay and the engine's
     * message, which names the file, is shown.
     */
    public CompletableFuture<Void> load(String name, Path dir) {
        String preset = Presets.defaultFor(name);
        return fresh(name, dir, preset, Presets.get(preset), seed.get());
    }

    public CompletableFuture<Void> setPreset(String name) {
        return fresh(datasetName.get(), dataDir.get(), name, Presets.get(name), seed.get());
    }

    public CompletableFuture<Void> setSeed(long s) {
        return fresh(datasetName.get(), dataDir.get(), presetName.get(), config.get(), s);
    }

    /** Fresh, untitled models for the current data set and seed with {@code cfg}, labelled {@code preset}. */
    public CompletableFuture<Void> freshWith(String preset, TrainingConfig cfg) {
        return fresh(datasetName.get(), dataDir.get(), preset, cfg, seed.get());
    }

    /**
     * Fresh, untitled models for the current data set, config and seed (pending architecture
     * changes apply): File > New and Reset.
     */
    public CompletableFuture<Void> reset() {
        return fresh(datasetName.get(), dataDir.get(), presetName.get(), config.get(), seed.get());
    }

    private CompletableFuture<Void> fresh(String name, Path dir, String preset, TrainingConfig cfg, long s) {
        return replaceModels("Loading " + name + " and building the three models\u2026", "Could not load " + name,
                () -> {
                    Dataset d = dataset(name, dir, s);
                    DualMcmcTrainer t = TrainingSetup.create(d, cfg, s).trainer();
                    return new Prepared(d, t, s, dir, name, preset, cfg, null, null, Map.of());
                });
    }

    /**
     * Opens a checkpoint: data set, config, seed, iteration and optimiser state replace the current
     * ones in one step, and Train continues it. A bad file changes nothing and its problem is shown.
     */
    public CompletableFuture<Void> open(Path file) {
        Path f = file.toAbsolutePath();
        String label = f.getFileName().toString();
        return replaceModels("Opening " + label + "\u2026", "Could not open " + label,
                () -> prepared(Checkpoint.load(f), label, f, null));
    }

    /** Opens a bundled example as untitled models (Save asks where to put them). */
    public CompletableFuture<Void> openExample(String id) {
        return replaceModels("Opening the " + id + " example\u2026", "Could not open the example " + id,
                () -> prepared(Examples.load(id), "example " + id, null, id));
    }

    /**
     * The first screen: the bundled example {@code id} when there is one, else fresh models of the
     * data set of the same name, so a build without examples still starts.
     */
    public CompletableFuture<Void> openExampleOrFresh(String id) {
        String preset = Presets.defaultFor(id);
        TrainingConfig cfg = Presets.get(preset);
        long s = seed.get();
        return replaceModels("Opening the " + id + " example\u2026", "Could not open " + id, () -> {
            if (Examples.find(id).isPresent()) {
                return prepared(Examples.load(id), "example " + id, null, id);
            }
            Dataset d = dataset(id, null, s);
            return new Prepared(d, TrainingSetup.create(d, cfg, s).trainer(), s, null, id, preset, cfg, null, null,
                    Map.of());
        });
    }

    private static Prepared prepared(Checkpoint.Loaded l, String label, Path file, String example) {
        @SuppressWarnings("unchecked")
        Map<String, Object> metrics = Json.MAPPER.convertValue(l.manifest().path("metrics"), LinkedHashMap.class);
        return new Prepared(l.data(), l.trainer(), l.seed(), l.dataDir() == null ? null : Path.of(l.dataDir()),
                l.data().name(), label, l.config(), file, example, metrics == null ? Map.of() : metrics);
    }

    /**
     * Prepares new models on the worker, then swaps them in: the old session ends, and data set,
     * preset label, config, seed, iteration and file state change together on the FX thread, after
     * which views recompute (generation). On failure nothing changes and the message is shown.
     */
    private CompletableFuture<Void> replaceModels(String progress, String failure, Callable<Prepared> prepare) {
        int gen = ++lastGeneration;
        message.set(progress);
        CompletableFuture<Void> done = new CompletableFuture<>();
        begin();
        worker.submit(() -> {
            try {
                Nd4jSetup.init();
                Prepared p = prepare.call();
                DataInfo info = describe(p.data(), p.seed());
                closeSession();
                modelsGeneration = gen;
                trainer = p.trainer();
                modelsDataDir = p.dataDir();
                session = newSession(p.trainer());
                Platform.runLater(() -> {
                    adopt(p, info);
                    generation.set(gen);
                    end();
                    done.complete(null);
                });
            } catch (Throwable e) {
                Platform.runLater(() -> {
                    String msg = failure + ": " + describe(e);
                    message.set(msg);
                    alert.set(msg);
                    end();
                    done.completeExceptionally(e);
                });
            }
        });
        return done;
    }

    private void adopt(Prepared p, DataInfo info) {
        statsQueue.clear();
        lastStats = null;
        openedMetrics = p.metrics();
        datasetName.set(p.dataset());
        presetName.set(p.preset());
        config.set(p.config());
        seed.set(p.seed());
        dataDir.set(p.dataDir());
        data.set(info);
        long it = p.trainer().iteration();
        iteration.set(it);
        itersPerSecond.set(0);
        rateIter = -1;
        state.set(State.READY);
        pendingRebuild.set(false);
        if (p.file() != null) {
            document.opened(p.file(), it);
        } else if (p.example() != null) {
            document.openedExample(p.example(), it);
        } else {
            document.fresh();
        }
        if (p.file() == null && p.example() == null) {
            message.set("Ready: " + info.describe() + ". Press Train (Space) to learn the three models.");
        } else {
            message.set(String.format("Opened %s: %s, iteration %,d. Train (Space) continues it.",
                    p.file() != null ? p.file().getFileName() : "the " + p.example() + " example", info.describe(),
                    it));
        }
    }

    /**
     * Saves the models (between two iterations when training) as a checkpoint with the current
     * metrics; the write is atomic, so a failed save leaves any earlier file intact. Completes on
     * the FX thread; on failure the message is shown and the models stay unsaved.
     */
    public CompletableFuture<Path> save(Path file) {
        Path f = file.toAbsolutePath();
        Map<String, Object> metrics = metricsNow();
        Path dir = dataDir.get();
        message.set("Saving " + f.getFileName() + "\u2026");
        begin();
        CompletableFuture<Long> savedAt = new CompletableFuture<>();
        worker.submit(() -> {
            TrainingSession s = session;
            if (s == null) {
                savedAt.completeExceptionally(new IllegalStateException("there are no models to save yet"));
                return;
            }
            s.withModels(tr -> {
                try {
                    Checkpoint.save(f, (DualMcmcTrainer) tr, dir, metrics);
                    savedAt.complete(tr.iteration());
                } catch (Throwable e) {
                    savedAt.completeExceptionally(e);
                }
            });
        });
        CompletableFuture<Path> fx = new CompletableFuture<>();
        savedAt.whenComplete((it, e) -> Platform.runLater(() -> {
            end();
            if (e != null) {
                // the engine's reason names the place already: "no space left on device (/x/m.dmcx)"
                String msg = "Save failed: " + describe(e);
                message.set(msg);
                alert.set(msg);
                fx.completeExceptionally(e);
                return;
            }
            document.saved(f, it);
            // iterations shown before this callback but trained after the save keep the models dirty
            document.trained(iteration.get());
            message.set(String.format("Saved iteration %,d to %s", it, f));
            fx.complete(f);
        }));
        return fx;
    }

    /** What the saved manifest records as the models' metrics: the opened file's, or the last iteration's. */
    private Map<String, Object> metricsNow() {
        if (lastStats == null) {
            return openedMetrics;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("last_iteration", lastStats.toMap());
        return m;
    }

    /** The bundled examples with their thumbnails (PNG bytes, may be null), read on the worker. */
    public CompletableFuture<List<ExampleEntry>> examples() {
        return background(() -> Examples.list().stream()
                .map(e -> new ExampleEntry(e, Examples.thumbnail(e.id()).orElse(null)))
                .toList());
    }

    /** One gallery entry: the example's description and its thumbnail. */
    public record ExampleEntry(Examples.Example example, byte[] thumbnail) {
    }

    /**
     * Runs {@code work} on the worker thread (file writes, exports: never on the FX thread) and
     * completes on the FX thread. The work must not touch the models; use {@link #compute} for that.
     */
    public <T> CompletableFuture<T> background(Callable<T> work) {
        CompletableFuture<T> fx = new CompletableFuture<>();
        begin();
        worker.submit(() -> {
            try {
                T r = work.call();
                Platform.runLater(() -> {
                    end();
                    fx.complete(r);
                });
            } catch (Throwable e) {
                Platform.runLater(() -> {
                    end();
                    fx.completeExceptionally(e);
                });
            }
        });
        return fx;
    }

    /** Work on the current models' data set (read-only), e.g. drawing an export. */
    public interface DataWork<T> {
        T run(Dataset data) throws Exception;
    }

    /**
     * Runs {@code work} on the worker thread with the current data set, which is read-only, so
     * training can go on meanwhile; completes on the FX thread.
     */
    public <T> CompletableFuture<T> withData(DataWork<T> work) {
        return background(() -> {
            DualMcmcTrainer t = trainer;
            if (t == null) {
                throw new IllegalStateException("no data set is loaded yet");
            }
            return work.run(t.data());
        });
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

    /** Starts or continues training without an end. */
    public void train() {
        trainUntil(Long.MAX_VALUE);
    }

    /** Trains until the trainer has done {@code target} iterations; completes when it gets there (or stops). */
    public CompletableFuture<Void> trainUntil(long target) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        finishWaiters.add(f);
        worker.submit(() -> {
            TrainingSession s = session;
            if (s == null) {
                return;
            }
            if (s.state() == State.STOPPED) {
                s = newSession(trainer);
                session = s;
            }
            s.start(target);
        });
        return f;
    }

    public void pause() {
        TrainingSession s = session;
        if (s != null) {
            s.pause();
        }
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
        worker.submit(() -> {
            TrainingSession s = session;
            if (s != null) {
                try {
                    s.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
    }

    /**
     * Validates {@code key = text} as the engine does and applies it: chain, loss and optimiser
     * settings apply at once (even while training: the trainer is rebuilt around the same models
     * and optimiser state); network settings apply now before training has started, else on Reset.
     *
     * @return null when applied, else the engine's message naming the key and its allowed range
     */
    public String applySetting(String key, String text) {
        if (disposed) {
            // a field commits when it loses focus, which it does while the window closes
            return "the models are closed";
        }
        TrainingConfig next;
        try {
            next = config.get().with(key, text);
        } catch (IllegalArgumentException e) {
            String msg = e.getMessage();
            message.set("Refused: " + msg + " (training goes on with the previous value)");
            return msg;
        }
        if (next.equals(config.get())) {
            return null;
        }
        config.set(next);
        document.touch();
        presetName.set(presetName.get().endsWith("*") ? presetName.get() : presetName.get() + "*");
        if (TrainingConfig.schema(key).rebuildsNetworks()) {
            if (iteration.get() == 0 && state.get() != State.RUNNING) {
                reset();
            } else {
                pendingRebuild.set(true);
                message.set(key + " = " + text.trim() + " changes the networks: press Reset to rebuild them.");
            }
            return null;
        }
        message.set(key + " = " + text.trim() + " applied" + (isTraining() ? " to the running training." : "."));
        swapConfig(next);
        return null;
    }

    /**
     * Applies a new config to the running models between two iterations, on the same training
     * thread: the trainer continues with the same models, optimiser state, batch position and
     * history ({@link DualMcmcTrainer#withConfig}).
     */
    private void swapConfig(TrainingConfig next) {
        begin();
        worker.submit(() -> {
            try {
                TrainingSession s = session;
                if (s == null) {
                    return;
                }
                trainer = (DualMcmcTrainer) s.replaceTrainer(t -> ((DualMcmcTrainer) t).withConfig(next)).get();
            } catch (Exception e) {
                Platform.runLater(() -> message.set("Could not apply the setting: " + e.getMessage()));
            } finally {
                Platform.runLater(this::end);
            }
        });
    }


    /**
     * Runs {@code work} where the models may be touched (between two training iterations, or on the
     * worker thread when no training thread runs) and completes on the FX thread. Results of a model
     * set that was replaced meanwhile are dropped, and work asked for on replaced models does not
     * run (the future completes with null).
     */
    public <T> CompletableFuture<T> compute(Function<DualMcmcTrainer, T> work) {
        int gen = generation.get();
        CompletableFuture<T> fx = new CompletableFuture<>();
        begin();
        worker.submit(() -> {
            TrainingSession s = session;
            // the view asked about models that have been replaced since: its inputs (data shape,
            // bounds) may not fit the new ones, and its result would be dropped anyway
            if (s == null || gen != modelsGeneration) {
                Platform.runLater(() -> {
                    end();
                    fx.complete(null);
                });
                return;
            }
            s.withModels(tr -> {
                T result;
                try {
                    result = work.apply((DualMcmcTrainer) tr);
                } catch (Throwable e) {
                    Platform.runLater(() -> {
                        end();
                        message.set("A view computation failed: " + describe(e));
                        fx.completeExceptionally(e);
                    });
                    return;
                }
                Platform.runLater(() -> {
                    end();
                    fx.complete(gen == generation.get() ? result : null);
                });
            });
        });
        return fx;
    }

    /** Runs {@code hook} on {@link #dispose()}: views end their own worker threads. */
    public void onDispose(Runnable hook) {
        disposeHooks.add(hook);
    }

    public void dispose() {
        disposed = true;
        if (Platform.isFxApplicationThread()) {
            pump.stop();
        } else {
            Platform.runLater(pump::stop);
        }
        disposeHooks.forEach(Runnable::run);
        worker.submit(this::closeSession);
        worker.shutdown();
    }

    // ---------------------------------------------------------------- internals

    private void begin() {
        busy.set(busy.get() + 1);
    }

    private void end() {
        busy.set(Math.max(0, busy.get() - 1));
    }

    private TrainingSession newSession(DualMcmcTrainer t) {
        TrainingSession s = new TrainingSession(t);
        s.addListener(new TrainingListener() {
            @Override
            public void iterationDone(IterationStats stats) {
                statsQueue.add(stats);
            }

            @Override
            public void stateChanged(State st, String reason) {
                Platform.runLater(() -> onState(s, st, reason));
            }
        });
        s.addListener(new AutosaveHook(() -> (DualMcmcTrainer) s.trainer(), modelsDataDir, () -> autosaveNow,
                new Autosaver.Listener() {
            @Override
            public void saved(Path file) {
                long it = s.trainer().iteration();
                Platform.runLater(() -> message.set(String.format("Autosaved iteration %,d to %s", it, file)));
            }

            @Override
            public void failed(String why) {
                Platform.runLater(() -> message.set(why + "; training goes on."));
            }
        }));
        return s;
    }

    private void onState(TrainingSession s, State st, String reason) {
        if (s != session || disposed) {
            return;
        }
        drain(System.nanoTime());
        state.set(st);
        if (reason != null) {
            message.set("Paused: " + reason);
            alert.set(reason);
        } else if (st == State.RUNNING) {
            message.set("Training: one iteration = generator, inference and EBM updates with both revisions.");
        } else if (st == State.PAUSED) {
            message.set("Paused at iteration " + iteration.get() + ".");
        } else if (st == State.FINISHED) {
            message.set(String.format("Trained to iteration %,d. Train (Space) goes on.", iteration.get()));
        } else if (st == State.STOPPED) {
            message.set("Stopped at iteration " + iteration.get() + ": the models stay for the chain views.");
        }
        if (st != State.RUNNING) {
            itersPerSecond.set(0);
            rateIter = -1;
            List<CompletableFuture<Void>> w = new ArrayList<>(finishWaiters);
            finishWaiters.clear();
            w.forEach(f -> f.complete(null));
        }
    }

    private void closeSession() {
        TrainingSession s = session;
        if (s != null) {
            try {
                s.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void drain(long now) {
        DualMcmcTrainer t = trainer;
        if (t != null) {
            trainingCores.set(t.threadsInUse());
        }
        List<IterationStats> batch = new ArrayList<>();
        IterationStats st;
        while ((st = statsQueue.poll()) != null) {
            batch.add(st);
        }
        if (!batch.isEmpty()) {
            lastStats = batch.get(batch.size() - 1);
            iteration.set(lastStats.iteration());
            document.trained(lastStats.iteration());
            for (Consumer<List<IterationStats>> l : statsListeners) {
                l.accept(batch);
            }
        }
        if (state.get() == State.RUNNING) {
            if (rateIter < 0) {
                rateIter = iteration.get();
                rateTime = now;
            } else if (now - rateTime > 1_000_000_000L) {
                double ips = (iteration.get() - rateIter) / ((now - rateTime) / 1e9);
                itersPerSecond.set(itersPerSecond.get() == 0 ? ips : 0.5 * itersPerSecond.get() + 0.5 * ips);
                rateIter = iteration.get();
                rateTime = now;
            }
        }
    }

    private Dataset dataset(String name, Path dir, long s) throws java.io.IOException {
        String key = name + "#" + dir + "#" + s;
        Dataset d = datasets.get(key);
        if (d == null) {
            d = Datasets.load(name, dir, s);
            datasets.put(key, d);
        }
        return d;
    }

    private static DataInfo describe(Dataset d, long seed) {
        var shape = d.shape();
        int modes = d.mixture().map(m -> m.modes()).orElse(0);
        if (!shape.isImage()) {
            Dataset sub = d.size() > 1500 ? d.subset(1500, seed) : d;
            double[][] pts = ModelProbe.points(sub.x());
            return new DataInfo(d.name(), d.size(), false, shape.channels(), shape.height(), shape.width(), pts,
                    squareBounds(ModelProbe.points(d.x())), null, d.classNames(), modes);
        }
        Dataset sub = d.subset(Math.min(64, d.size()), seed);
        return new DataInfo(d.name(), d.size(), true, shape.channels(), shape.height(), shape.width(), null, null,
                ModelProbe.rows(sub.x()), d.classNames(), modes);
    }

    /** A square box around the points with a margin, so chains that wander a little stay visible. */
    static double[] squareBounds(double[][] pts) {
        double x0 = Double.MAX_VALUE;
        double x1 = -Double.MAX_VALUE;
        double y0 = Double.MAX_VALUE;
        double y1 = -Double.MAX_VALUE;
        for (double[] p : pts) {
            x0 = Math.min(x0, p[0]);
            x1 = Math.max(x1, p[0]);
            y0 = Math.min(y0, p[1]);
            y1 = Math.max(y1, p[1]);
        }
        double cx = (x0 + x1) / 2;
        double cy = (y0 + y1) / 2;
        double half = Math.max(x1 - x0, y1 - y0) / 2 * 1.3 + 1e-3;
        return new double[]{cx - half, cx + half, cy - half, cy + half};
    }
}
