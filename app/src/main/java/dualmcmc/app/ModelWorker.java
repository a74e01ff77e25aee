package dualmcmc.app;

import dualmcmc.engine.session.Explorer;
import dualmcmc.engine.session.ModelQueries;
import javafx.application.Platform;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The one thread that loads, saves and asks the models, so the FX thread never waits for them.
 * Each task counts in {@link AppState#busyProperty} while it runs, and its result is handed to the
 * FX thread. Models are replaced in generations: work asked for on a model set that has been
 * replaced since does not run, and results of a replaced set are dropped.
 */
final class ModelWorker {
    private final AppState state;
    private final Explorer explorer;
    /*
     * A request that arrives after dispose() (a late click, timer or dialog answer while the
     * window closes) is dropped: there are no models left to serve it, and the executor's default
     * RejectedExecutionException would surface on the FX thread instead.
     */
    private final ExecutorService executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "explorer-worker");
                t.setDaemon(true);
                return t;
            }, new ThreadPoolExecutor.DiscardPolicy());
    /** The generation of the models the explorer holds (worker thread). */
    private volatile int modelsGeneration;

    ModelWorker(AppState state, Explorer explorer) {
        this.state = state;
        this.explorer = explorer;
    }

    /** Runs {@code task} on the worker, outside the busy count (quick engine calls). */
    void submit(Runnable task) {
        executor.submit(task);
    }

    /** Called on the worker when models of generation {@code gen} have taken over. */
    void modelsAre(int gen) {
        modelsGeneration = gen;
    }

    /** Runs {@code work} on the worker; completes on the FX thread. The work must not touch the models. */
    <T> CompletableFuture<T> background(Callable<T> work) {
        CompletableFuture<T> fx = new CompletableFuture<>();
        begin();
        executor.submit(() -> {
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

    /**
     * Runs {@code work} on the current models between two training iterations; completes on the FX
     * thread, with null when the models were replaced before or while it ran.
     */
    <T> CompletableFuture<T> compute(Function<ModelQueries, T> work) {
        int gen = state.generationProperty().get();
        CompletableFuture<T> fx = new CompletableFuture<>();
        begin();
        executor.submit(() -> {
            // asked of models replaced since: its inputs (data shape, bounds) may not fit the new ones
            if (!explorer.hasModels() || gen != modelsGeneration) {
                Platform.runLater(() -> {
                    end();
                    fx.complete(null);
                });
                return;
            }
            explorer.query(work).whenComplete((result, e) -> Platform.runLater(() -> {
                end();
                if (e != null) {
                    state.messageProperty().set("A view computation failed: " + AppState.describe(e));
                    fx.completeExceptionally(e);
                } else {
                    fx.complete(gen == state.generationProperty().get() ? result : null);
                }
            }));
        });
        return fx;
    }

    /** Runs {@code work} with the current data set on the calling (worker) thread. */
    <T> T withData(Explorer.DataWork<T> work) throws Exception {
        return explorer.withData(work);
    }

    void begin() {
        state.busyProperty().set(state.busyProperty().get() + 1);
    }

    void end() {
        state.busyProperty().set(Math.max(0, state.busyProperty().get() - 1));
    }

    /** Ends the models' training thread, then the worker. */
    void dispose() {
        executor.submit(explorer::close);
        executor.shutdown();
    }
}
