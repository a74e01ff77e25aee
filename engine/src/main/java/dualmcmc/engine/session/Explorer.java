package dualmcmc.engine.session;

import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.data.Dataset;
import dualmcmc.engine.io.Autosaver;
import dualmcmc.engine.io.Checkpoint;
import dualmcmc.engine.progress.IterationStats;
import dualmcmc.engine.progress.TrainingListener;
import dualmcmc.engine.progress.TrainingState;
import dualmcmc.engine.train.DualMcmcTrainer;
import dualmcmc.engine.train.TrainingSession;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The one door from a user interface to the engine: holds the current models and their training
 * thread, trains, pauses and stops them, applies settings between iterations, saves them, and runs
 * views' questions ({@link ModelQueries}) between two iterations, so nothing ever sees a
 * half-updated model. Replacing the models ({@link #adopt}), training and stopping are meant for
 * one thread (the app's worker); {@link #pause} may come from any thread.
 */
public final class Explorer implements AutoCloseable {
    /** What training tells its user; called on the training thread (hand off quickly) or the caller's. */
    public interface Events {
        default void iterationDone(IterationStats stats) {
        }

        /** The training thread changed state; {@code reason} says why (a divergence), may be null. */
        default void stateChanged(TrainingState state, String reason) {
        }

        default void autosaved(Path file, long iteration) {
        }

        /** One line: where and why an autosave failed; training goes on. */
        default void autosaveFailed(String message) {
        }
    }

    /** Where and how often to autosave; a policy of null means no autosave. */
    public record Autosave(Path folder, int every, int keep) {
        public Autosave {
            if (every < 1 || keep < 1) {
                throw new IllegalArgumentException("autosave needs every >= 1 iteration and keep >= 1 file");
            }
        }
    }

    /** Work on the current data set, which is read-only, so training can go on meanwhile. */
    public interface DataWork<T> {
        T run(Dataset data) throws Exception;
    }

    private final Events events;
    private final Function<String, Autosave> autosave;
    private volatile DualMcmcTrainer trainer;
    private volatile TrainingSession<DualMcmcTrainer> session;
    private Path dataDir;

    /**
     * @param autosave asked at every iteration with the data set's name: the autosave to do, or null
     */
    public Explorer(Events events, Function<String, Autosave> autosave) {
        this.events = events;
        this.autosave = autosave;
    }

    /** Ends the current training thread and takes {@code m} as the current models, ready to train. */
    public void adopt(LoadedModels m) {
        closeSession();
        trainer = m.handle().trainer;
        dataDir = m.dataDir();
        session = newSession(trainer);
    }

    public boolean hasModels() {
        return trainer != null;
    }

    /** Trains until the models have done {@code target} iterations; after {@link #stop}, on a new thread. */
    public void train(long target) {
        TrainingSession<DualMcmcTrainer> s = session;
        if (s == null) {
            return;
        }
        if (s.state() == TrainingState.STOPPED) {
            s = newSession(trainer);
            session = s;
        }
        s.start(target);
    }

    /** Pauses between two iterations. */
    public void pause() {
        TrainingSession<DualMcmcTrainer> s = session;
        if (s != null) {
            s.pause();
        }
    }

    /** Ends the training thread; the models stay for queries, and {@link #train} goes on from them. */
    public void stop() throws InterruptedException {
        TrainingSession<DualMcmcTrainer> s = session;
        if (s != null) {
            s.close();
        }
    }

    /**
     * The models continue under {@code next} from the next iteration, on the same training
     * thread, with their optimiser state, batch position and history
     * ({@link DualMcmcTrainer#withConfig}). Networks are not rebuilt: a config that changes them
     * is refused by the trainer. Completes once the new config has taken over.
     */
    public CompletableFuture<Void> applyConfig(TrainingConfig next) {
        TrainingSession<DualMcmcTrainer> s = session;
        if (s == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("there are no models yet"));
        }
        return s.replaceTrainer(t -> t.withConfig(next)).thenAccept(t -> trainer = t);
    }

    /**
     * Runs {@code work} on the models between two iterations (on the training thread, or on the
     * caller's when none runs); completes there with its result, or with its failure.
     */
    public <T> CompletableFuture<T> query(Function<ModelQueries, T> work) {
        return onModels(work::apply);
    }

    /**
     * Saves the models between two iterations as a checkpoint recording {@code metrics}; the write
     * is atomic. Completes with the iteration saved, or with the engine's one-line reason.
     */
    public CompletableFuture<Long> save(Path file, Map<String, Object> metrics) {
        Path dir = dataDir;
        return onModels(q -> {
            Checkpoint.save(file, q.trainer(), dir, metrics);
            return q.iteration();
        });
    }

    private interface ModelWork<T> {
        T apply(ModelQueries q) throws Exception;
    }

    private <T> CompletableFuture<T> onModels(ModelWork<T> work) {
        CompletableFuture<T> done = new CompletableFuture<>();
        TrainingSession<DualMcmcTrainer> s = session;
        if (s == null) {
            done.completeExceptionally(new IllegalStateException("there are no models yet"));
            return done;
        }
        s.withModels(t -> {
            try {
                done.complete(work.apply(new ModelQueries(t)));
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    /** Runs {@code work} on the caller's thread with the current data set. */
    public <T> T withData(DataWork<T> work) throws Exception {
        DualMcmcTrainer t = trainer;
        if (t == null) {
            throw new IllegalStateException("no data set is loaded yet");
        }
        return work.run(t.data());
    }

    /** The cores the current models keep busy while training. */
    public int threadsInUse() {
        DualMcmcTrainer t = trainer;
        return t == null ? 1 : t.threadsInUse();
    }

    @Override
    public void close() {
        closeSession();
    }

    /** Forgets the session before ending it, so its last events (stopped) do not reach the user. */
    private void closeSession() {
        TrainingSession<DualMcmcTrainer> s = session;
        session = null;
        if (s != null) {
            try {
                s.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private TrainingSession<DualMcmcTrainer> newSession(DualMcmcTrainer t) {
        TrainingSession<DualMcmcTrainer> s = new TrainingSession<>(t);
        s.addListener(new TrainingListener() {
            @Override
            public void iterationDone(IterationStats stats) {
                events.iterationDone(stats);
            }

            @Override
            public void stateChanged(TrainingState state, String reason) {
                if (session == s) {
                    events.stateChanged(state, reason);
                }
            }
        });
        s.addListener(new AutosaveHook(s::trainer, dataDir, autosave, new Autosaver.Listener() {
            @Override
            public void saved(Path file) {
                events.autosaved(file, s.trainer().iteration());
            }

            @Override
            public void failed(String message) {
                events.autosaveFailed(message);
            }
        }));
        return s;
    }
}
