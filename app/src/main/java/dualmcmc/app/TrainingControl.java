package dualmcmc.app;

import dualmcmc.engine.progress.IterationStats;
import dualmcmc.engine.progress.TrainingState;
import dualmcmc.engine.session.Explorer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Train, pause and stop, and what training tells the window: the iterations, coalesced to one
 * hand-over per frame, the rate, the state with its status line, and autosaves. The engine's
 * events arrive on the training thread and are handed to the FX thread here.
 */
final class TrainingControl implements Explorer.Events {
    private final AppState state;
    private ModelWorker worker;
    private Explorer explorer;
    private final ConcurrentLinkedQueue<IterationStats> statsQueue = new ConcurrentLinkedQueue<>();
    private final List<Consumer<List<IterationStats>>> statsListeners = new ArrayList<>();
    private final List<CompletableFuture<Void>> finishWaiters = new ArrayList<>();
    /**
     * Hands the statistics to the FX thread once per frame. A running AnimationTimer is held by the
     * toolkit, and with it everything this reaches: {@link #dispose} stops it (the UI tests'
     * models, one per test, were otherwise all kept until the heap ran out).
     */
    private final AnimationTimer pump = new AnimationTimer() {
        @Override
        public void handle(long now) {
            drain(now);
        }
    };
    /** The latest iteration seen on the FX thread, saved with the models as their current metrics. */
    private IterationStats lastStats;
    /** The metrics in the manifest of the opened file; still true of the models until they train on. */
    private Map<String, Object> openedMetrics = Map.of();
    private volatile boolean disposed;
    private long rateIter = -1;
    private long rateTime;

    TrainingControl(AppState state) {
        this.state = state;
        pump.start();
    }

    /** The engine this control drives, and the worker its commands run on (they hear from each other). */
    void attach(Explorer explorer, ModelWorker worker) {
        this.explorer = explorer;
        this.worker = worker;
    }

    void addStatsListener(Consumer<List<IterationStats>> l) {
        statsListeners.add(l);
    }

    /** Trains until the models have done {@code target} iterations; completes when they get there (or stop). */
    CompletableFuture<Void> trainUntil(long target) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        finishWaiters.add(f);
        worker.submit(() -> explorer.train(target));
        return f;
    }

    void pause() {
        explorer.pause();
    }

    void stop() {
        worker.submit(() -> {
            try {
                explorer.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** New models took over (FX thread): their iterations start from {@code iteration}. */
    void reset(long iteration, Map<String, Object> metrics) {
        statsQueue.clear();
        lastStats = null;
        openedMetrics = metrics;
        state.iterationProperty().set(iteration);
        state.itersPerSecondProperty().set(0);
        rateIter = -1;
        state.stateProperty().set(TrainingState.READY);
    }

    /** What the saved manifest records as the models' metrics: the opened file's, or the last iteration's. */
    Map<String, Object> metricsNow() {
        if (lastStats == null) {
            return openedMetrics;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("last_iteration", lastStats.toMap());
        return m;
    }

    @Override
    public void iterationDone(IterationStats stats) {
        statsQueue.add(stats);
    }

    @Override
    public void stateChanged(TrainingState st, String reason) {
        Platform.runLater(() -> onState(st, reason));
    }

    @Override
    public void autosaved(Path file, long iteration) {
        Platform.runLater(() -> state.messageProperty().set(String.format("Autosaved iteration %,d to %s",
                iteration, file)));
    }

    @Override
    public void autosaveFailed(String why) {
        Platform.runLater(() -> state.messageProperty().set(why + "; training goes on."));
    }

    private void onState(TrainingState st, String reason) {
        if (disposed) {
            return;
        }
        drain(System.nanoTime());
        state.stateProperty().set(st);
        long it = state.iterationProperty().get();
        if (reason != null) {
            state.messageProperty().set("Paused: " + reason);
            state.alertProperty().set(reason);
        } else {
            state.messageProperty().set(switch (st) {
                case RUNNING -> "Training: one iteration = generator, inference and EBM updates with both revisions.";
                case PAUSED -> "Paused at iteration " + it + ".";
                case FINISHED -> String.format("Trained to iteration %,d. Train (Space) goes on.", it);
                case STOPPED -> "Stopped at iteration " + it + ": the models stay for the chain views.";
                case READY -> state.messageProperty().get();
            });
        }
        if (st != TrainingState.RUNNING) {
            state.itersPerSecondProperty().set(0);
            rateIter = -1;
            List<CompletableFuture<Void>> w = new ArrayList<>(finishWaiters);
            finishWaiters.clear();
            w.forEach(f -> f.complete(null));
        }
    }

    private void drain(long now) {
        if (explorer != null) {
            state.trainingCoresProperty().set(explorer.threadsInUse());
        }
        List<IterationStats> batch = new ArrayList<>();
        IterationStats st;
        while ((st = statsQueue.poll()) != null) {
            batch.add(st);
        }
        if (!batch.isEmpty()) {
            lastStats = batch.get(batch.size() - 1);
            state.iterationProperty().set(lastStats.iteration());
            state.document().trained(lastStats.iteration());
            for (Consumer<List<IterationStats>> l : statsListeners) {
                l.accept(batch);
            }
        }
        if (state.isTraining()) {
            long it = state.iterationProperty().get();
            if (rateIter < 0) {
                rateIter = it;
                rateTime = now;
            } else if (now - rateTime > 1_000_000_000L) {
                double ips = (it - rateIter) / ((now - rateTime) / 1e9);
                double old = state.itersPerSecondProperty().get();
                state.itersPerSecondProperty().set(old == 0 ? ips : 0.5 * old + 0.5 * ips);
                rateIter = it;
                rateTime = now;
            }
        }
    }

    void dispose() {
        disposed = true;
        if (Platform.isFxApplicationThread()) {
            pump.stop();
        } else {
            Platform.runLater(pump::stop);
        }
    }
}
