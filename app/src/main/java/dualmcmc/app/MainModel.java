package dualmcmc.app;

import dualmcmc.engine.config.Presets;
import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.data.Dataset;
import dualmcmc.engine.data.Datasets;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The app's state and the one door to the engine. Observable properties live on the FX thread;
 * the data set, models, trainer and session are touched only on one worker thread or, while a
 * session's thread is alive, between iterations through {@link TrainingSession#withModels}, so the
 * FX thread never trains, samples or waits for either.
 */
public final class MainModel {
    public static final String START_DATASET = "ring8";
    public static final long DEFAULT_SEED = 1;
    /** Keys that change the networks themselves: they apply on Reset (or at once before training). */
    public static final Set<String> ARCHITECTURE_KEYS = Set.of("arch", "width", "nz", "spectral_norm");

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "explorer-worker");
        t.setDaemon(true);
        return t;
    });
    private final Path dataDir;

    private final StringProperty datasetName = new SimpleStringProperty(START_DATASET);
    private final StringProperty presetName = new SimpleStringProperty(Presets.defaultFor(START_DATASET));
    private final ObjectProperty<TrainingConfig> config =
            new SimpleObjectProperty<>(Presets.get(Presets.defaultFor(START_DATASET)));
    private final LongProperty seed = new SimpleLongProperty(DEFAULT_SEED);
    private final ObjectProperty<DataInfo> data = new SimpleObjectProperty<>();
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.READY);
    private final LongProperty iteration = new SimpleLongProperty();
    private final DoubleProperty itersPerSecond = new SimpleDoubleProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty alert = new SimpleStringProperty();
    private final IntegerProperty busy = new SimpleIntegerProperty();
    private final IntegerProperty generation = new SimpleIntegerProperty();
    private final BooleanProperty pendingRebuild = new SimpleBooleanProperty();

    private final ConcurrentLinkedQueue<IterationStats> statsQueue = new ConcurrentLinkedQueue<>();
    private final List<Consumer<List<IterationStats>>> statsListeners = new ArrayList<>();
    private final Map<String, Dataset> datasets = new HashMap<>();
    private final List<CompletableFuture<Void>> finishWaiters = new ArrayList<>();
    private final List<Runnable> disposeHooks = new ArrayList<>();

    // engine side: written on the worker thread only
    private volatile DualMcmcTrainer trainer;
    private volatile TrainingSession session;
    private volatile boolean disposed;
    private volatile long runSeed = DEFAULT_SEED;

    private long rateIter = -1;
    private long rateTime;

    public MainModel(Path dataDir) {
        this.dataDir = dataDir;
        AnimationTimer pump = new AnimationTimer() {
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

    /** Loads a data set with its default preset and fresh models. */
    public CompletableFuture<Void> load(String name) {
        String preset = Presets.defaultFor(name);
        String oldName = datasetName.get();
        String oldPreset = presetName.get();
        TrainingConfig oldConfig = config.get();
        boolean hadData = data.get() != null;
        datasetName.set(name);
        presetName.set(preset);
        config.set(Presets.get(preset));
        CompletableFuture<Void> f = rebuild();
        f.whenComplete((v, e) -> {
            if (e != null && hadData) {
                // the old models stay: show their data set and settings again
                datasetName.set(oldName);
                presetName.set(oldPreset);
                config.set(oldConfig);
            }
        });
        return f;
    }

    public CompletableFuture<Void> setPreset(String name) {
        presetName.set(name);
        config.set(Presets.get(name));
        return rebuild();
    }

    public CompletableFuture<Void> setSeed(long s) {
        seed.set(s);
        return rebuild();
    }

    /** Fresh models for the current data set, config and seed (pending architecture changes apply). */
    public CompletableFuture<Void> reset() {
        return rebuild();
    }

    private CompletableFuture<Void> rebuild() {
        String name = datasetName.get();
        TrainingConfig cfg = config.get();
        long s = seed.get();
        int gen = generation.get() + 1;
        message.set("Loading " + name + " and building the three models\u2026");
        CompletableFuture<Void> done = new CompletableFuture<>();
        begin();
        worker.submit(() -> {
            try {
                Dataset d = dataset(name, s);
                TrainingSetup setup = TrainingSetup.create(d, cfg, s);
                closeSession();
                runSeed = s;
                DataInfo info = describe(d, s);
                trainer = setup.trainer();
                TrainingSession ses = newSession(trainer);
                session = ses;
                Platform.runLater(() -> {
                    statsQueue.clear();
                    data.set(info);
                    iteration.set(0);
                    itersPerSecond.set(0);
                    rateIter = -1;
                    state.set(State.READY);
                    pendingRebuild.set(false);
                    generation.set(gen);
                    message.set("Ready: " + info.describe() + ". Press Train (Space) to learn the three models.");
                    end();
                    done.complete(null);
                });
            } catch (Throwable e) {
                Platform.runLater(() -> {
                    String msg = "Could not load " + name + ": " + e.getMessage();
                    message.set(msg);
                    alert.set(msg);
                    end();
                    done.completeExceptionally(e);
                });
            }
        });
        return done;
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
        presetName.set(presetName.get().endsWith("*") ? presetName.get() : presetName.get() + "*");
        if (ARCHITECTURE_KEYS.contains(key)) {
            if (iteration.get() == 0 && state.get() != State.RUNNING) {
                rebuild();
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

    private void swapConfig(TrainingConfig next) {
        begin();
        worker.submit(() -> {
            try {
                TrainingSession old = session;
                if (old == null) {
                    return;
                }
                boolean running = old.state() == State.RUNNING;
                CompletableFuture<DualMcmcTrainer> f = new CompletableFuture<>();
                old.withModels(tr -> {
                    try {
                        f.complete(((DualMcmcTrainer) tr).withConfig(next));
                    } catch (Throwable e) {
                        f.completeExceptionally(e);
                    }
                });
                DualMcmcTrainer nt = f.get();
                old.close();
                trainer = nt;
                TrainingSession ses = newSession(nt);
                session = ses;
                if (running) {
                    ses.start(Long.MAX_VALUE);
                }
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
     * set that was replaced meanwhile are dropped (the future completes with null).
     */
    public <T> CompletableFuture<T> compute(Function<DualMcmcTrainer, T> work) {
        int gen = generation.get();
        CompletableFuture<T> fx = new CompletableFuture<>();
        begin();
        worker.submit(() -> {
            TrainingSession s = session;
            if (s == null) {
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
                        message.set("A view computation failed: " + e);
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
        List<IterationStats> batch = new ArrayList<>();
        IterationStats st;
        while ((st = statsQueue.poll()) != null) {
            batch.add(st);
        }
        if (!batch.isEmpty()) {
            iteration.set(batch.get(batch.size() - 1).iteration());
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

    private Dataset dataset(String name, long s) throws java.io.IOException {
        Nd4jSetup.init();
        String key = name + "#" + s;
        Dataset d = datasets.get(key);
        if (d == null) {
            d = Datasets.load(name, name.equals("mnist") || name.equals("fashion-mnist") ? dataDir : null, s);
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
