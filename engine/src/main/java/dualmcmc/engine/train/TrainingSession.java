package dualmcmc.engine.train;

import dualmcmc.engine.progress.IterationStats;
import dualmcmc.engine.progress.TrainingListener;
import dualmcmc.engine.progress.TrainingState;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Runs a {@link Trainer} on its own thread: start, pause, resume and stop take effect between
 * iterations, listeners are told of each iteration without polling, and a divergence pauses the
 * session with its reason (the trainer has already rolled the models back).
 *
 * <p>Other threads must not touch the models while the session runs; {@link #withModels} runs
 * work on the training thread between two iterations (e.g. copying a snapshot for a view).
 */
public final class TrainingSession<T extends Trainer> implements AutoCloseable {

    /** Replaced only between iterations, under {@link #modelsLock} ({@link #replaceTrainer}). */
    private volatile T trainer;
    private final List<TrainingListener> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    /**
     * Held while anything touches the models: an iteration with its listeners, a task, or work run
     * on a caller's thread. The state checks under {@link #lock} cannot guarantee that alone: a
     * session stopped mid-iteration, or started while a caller's work runs, would otherwise let
     * two threads into the same layers, whose native scratch buffers they would share (a native
     * crash in oneDNN, seen in the app's soak).
     */
    private final Object modelsLock = new Object();
    private final java.util.ArrayDeque<Runnable> tasks = new java.util.ArrayDeque<>();
    private TrainingState state = TrainingState.READY;
    private long targetIteration;
    private Thread thread;

    public TrainingSession(T trainer) {
        this.trainer = trainer;
    }

    public void addListener(TrainingListener l) {
        listeners.add(l);
    }

    public T trainer() {
        return trainer;
    }

    public TrainingState state() {
        synchronized (lock) {
            return state;
        }
    }

    /** Starts (or continues) training until the trainer has done {@code untilIteration} iterations. */
    public void start(long untilIteration) {
        synchronized (lock) {
            if (state == TrainingState.STOPPED) {
                throw new IllegalStateException("a stopped session cannot be restarted");
            }
            targetIteration = untilIteration;
            if (thread == null) {
                thread = new Thread(this::loop, "dual-mcmc-training");
                thread.setDaemon(true);
                thread.start();
            }
            setState(TrainingState.RUNNING, null);
            lock.notifyAll();
        }
    }

    public void pause() {
        synchronized (lock) {
            if (state == TrainingState.RUNNING) {
                setState(TrainingState.PAUSED, null);
            }
        }
    }

    public void resume() {
        synchronized (lock) {
            if (state == TrainingState.PAUSED || state == TrainingState.FINISHED) {
                setState(TrainingState.RUNNING, null);
                lock.notifyAll();
            }
        }
    }

    /** Ends the session after the current iteration; the thread exits. */
    public void stop() {
        synchronized (lock) {
            if (state != TrainingState.STOPPED) {
                setState(TrainingState.STOPPED, null);
            }
            lock.notifyAll();
        }
    }

    /** Waits for the training thread to end (after {@link #stop}) or to reach its target. */
    public void awaitIdle(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        synchronized (lock) {
            while (state == TrainingState.RUNNING && System.currentTimeMillis() < deadline) {
                lock.wait(Math.max(1, deadline - System.currentTimeMillis()));
            }
        }
    }

    /**
     * Runs {@code work} against the trainer between two iterations, on the training thread when
     * it is alive, or on the caller's thread when it is not (then after any iteration still in
     * progress, and with no iteration starting until the work is done).
     */
    public void withModels(Consumer<? super T> work) {
        synchronized (lock) {
            if (thread != null && thread.isAlive() && state != TrainingState.STOPPED) {
                tasks.add(() -> work.accept(trainer));
                lock.notifyAll();
                return;
            }
        }
        synchronized (modelsLock) {
            work.accept(trainer);
        }
    }

    /**
     * Replaces the trainer between two iterations with {@code next} applied to the current one
     * (e.g. the same models under a changed setting): the training thread, its state and its
     * target stay, so a setting changed while training neither stops nor restarts anything.
     * Completes with the new trainer once it has taken over; if {@code next} throws, the trainer
     * stays and the future fails with it.
     */
    public CompletableFuture<T> replaceTrainer(UnaryOperator<T> next) {
        CompletableFuture<T> done = new CompletableFuture<>();
        withModels(t -> {
            try {
                trainer = next.apply(t);
                done.complete(trainer);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    private void loop() {
        while (true) {
            Runnable task;
            synchronized (lock) {
                while (tasks.isEmpty() && state != TrainingState.STOPPED
                        && (state != TrainingState.RUNNING || trainer.iteration() >= targetIteration)) {
                    if (state == TrainingState.RUNNING) {
                        setState(TrainingState.FINISHED, null);
                    }
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        setState(TrainingState.STOPPED, "interrupted");
                        return;
                    }
                }
                task = tasks.poll();
                if (task == null && state == TrainingState.STOPPED) {
                    return;
                }
            }
            if (task != null) {
                synchronized (modelsLock) {
                    runSafely(task);
                }
                continue;
            }
            try {
                synchronized (modelsLock) {
                    IterationStats stats = trainer.step();
                    for (TrainingListener l : listeners) {
                        l.iterationDone(stats);
                    }
                }
            } catch (DivergenceException e) {
                synchronized (lock) {
                    setState(afterFailure(), e.getMessage());
                }
            } catch (RuntimeException e) {
                synchronized (lock) {
                    setState(afterFailure(), "training failed: " + e);
                }
            }
        }
    }

    private void runSafely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            synchronized (lock) {
                setState(afterFailure(), "task failed: " + e);
            }
        }
    }

    /**
     * A failed iteration or task pauses a running session; any other state stays, above all
     * STOPPED: a stop asked for while the iteration ran must still end the thread.
     */
    private TrainingState afterFailure() {
        return state == TrainingState.RUNNING ? TrainingState.PAUSED : state;
    }

    private void setState(TrainingState s, String reason) {
        state = s;
        lock.notifyAll();
        for (TrainingListener l : listeners) {
            l.stateChanged(s, reason);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
        Thread t;
        synchronized (lock) {
            t = thread;
        }
        if (t != null) {
            t.join(10_000);
        }
    }
}
