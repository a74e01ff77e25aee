package dualmcmc.engine.model;

import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.nn.Network;
import dualmcmc.engine.util.Nd4jSetup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs numbered blocks of independent work (chains, the samples of a training batch) on up to
 * {@code threads} threads: the calling thread with the models themselves, every other thread with
 * its own copy ({@link ModelCopies}), since layers keep scratch buffers and one network must never
 * run on two threads at once.
 *
 * <p>Blocks go, in order, to whichever thread is free, so that uneven blocks or a busy core do not
 * hold the others up. A job must therefore keep its results by block index and draw its
 * randomness from the block's own stream ({@link dualmcmc.engine.util.Rng#forBlock}): then what a
 * block computes does not depend on which thread ran it, nor on how many threads there are.
 *
 * <p>Copies and worker threads are kept from one run to the next (training runs two rounds of
 * blocks per iteration); idle workers end after a few seconds, and {@link #close} ends them at once.
 */
public final class ModelWorkers implements AutoCloseable {
    /** Work on one block with the given models (the thread's own: never shared while the job runs). */
    public interface BlockJob {
        void run(ModelSet models, int block);
    }

    private static final long IDLE_SECONDS = 5;
    private final ModelSet models;
    private final TrainingConfig cfg;
    private final int threads;
    private final List<ModelSet> copies = new ArrayList<>();
    private ThreadPoolExecutor pool;

    /** @param cfg the models' config (their architecture, for the copies) */
    public ModelWorkers(ModelSet models, TrainingConfig cfg, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.models = models;
        this.cfg = cfg;
        this.threads = threads;
    }

    public int threads() {
        return threads;
    }

    /** How many threads a run of {@code blocks} blocks keeps busy. */
    public int threadsFor(int blocks) {
        return Math.max(1, Math.min(threads, blocks));
    }

    /**
     * Runs {@code job} on blocks 0 .. blocks-1 and returns when all are done. Copies kept from an
     * earlier run first take over {@code changed} (some of the models' networks, e.g. the ones an
     * optimiser stepped since) as they are now, on the calling thread before any block starts, so
     * that no copy reads a network while the calling thread works with it.
     */
    public void run(int blocks, List<Network> changed, BlockJob job) {
        if (blocks < 1) {
            throw new IllegalArgumentException("need at least one block, got " + blocks);
        }
        int workers = threadsFor(blocks);
        prepareCopies(workers - 1, changed);
        AtomicInteger next = new AtomicInteger();
        if (workers == 1) {
            take(models, next, blocks, job);
            return;
        }
        List<Future<?>> shares = new ArrayList<>();
        for (int w = 0; w < workers - 1; w++) {
            ModelSet copy = copies.get(w);
            shares.add(pool().submit(() -> {
                Nd4jSetup.init();
                take(copy, next, blocks, job);
            }));
        }
        Throwable failure = null;
        try {
            take(models, next, blocks, job);
        } catch (RuntimeException | Error e) {
            failure = e;
            next.set(blocks);
        }
        failure = awaitAll(shares, next, blocks, failure);
        if (failure instanceof RuntimeException re) {
            throw re;
        }
        if (failure instanceof Error err) {
            throw err;
        }
        if (failure != null) {
            throw new IllegalStateException("a block failed: " + failure, failure);
        }
    }

    private void prepareCopies(int needed, List<Network> changed) {
        List<Network> all = models.networks();
        int[] which = new int[changed.size()];
        for (int i = 0; i < which.length; i++) {
            which[i] = indexOf(all, changed.get(i));
        }
        for (int c = 0; c < Math.min(needed, copies.size()); c++) {
            List<Network> to = copies.get(c).networks();
            for (int i : which) {
                to.get(i).copyFrom(all.get(i));
            }
        }
        while (copies.size() < needed) {
            copies.add(ModelCopies.of(models, cfg));
        }
    }

    private static int indexOf(List<Network> all, Network n) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) == n) {
                return i;
            }
        }
        throw new IllegalArgumentException("not one of the models' networks: " + n.describe());
    }

    private static void take(ModelSet m, AtomicInteger next, int blocks, BlockJob job) {
        for (int b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
            job.run(m, b);
        }
    }

    /**
     * Waits for every share to end, even when interrupted (a share still running would use its
     * copy while the next run syncs it); the interrupt is passed on afterwards. After a failure the
     * other shares take no new blocks.
     */
    private static Throwable awaitAll(List<Future<?>> shares, AtomicInteger next, int blocks, Throwable failure) {
        boolean interrupted = false;
        for (Future<?> f : shares) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause();
                    }
                    next.set(blocks);
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return failure;
    }

    private ThreadPoolExecutor pool() {
        if (pool == null) {
            pool = new ThreadPoolExecutor(threads - 1, threads - 1, IDLE_SECONDS, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "model-blocks");
                t.setDaemon(true);
                return t;
            });
            pool.allowCoreThreadTimeOut(true);
        }
        return pool;
    }

    /** Ends the worker threads now (they also end by themselves when idle). */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
            pool = null;
        }
    }
}
