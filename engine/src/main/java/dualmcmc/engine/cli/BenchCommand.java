package dualmcmc.engine.cli;

import dualmcmc.engine.config.LangevinSettings;
import dualmcmc.engine.config.Presets;
import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.data.Dataset;
import dualmcmc.engine.data.SampleShape;
import dualmcmc.engine.io.Json;
import dualmcmc.engine.mcmc.ChainInit;
import dualmcmc.engine.mcmc.ChainRunner;
import dualmcmc.engine.mcmc.XRevision;
import dualmcmc.engine.mcmc.ZRevision;
import dualmcmc.engine.train.DualMcmcTrainer;
import dualmcmc.engine.train.TrainingSetup;
import dualmcmc.engine.util.Nd4jSetup;
import dualmcmc.engine.util.Rng;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;

/**
 * {@code bench}: the PyTorch peer's measurements (bench/dualmcmc/torch_reference.py) on exactly its
 * reference networks and settings: microseconds per x-step and z-step (20-step chains, median of
 * 5) and milliseconds per training iteration (median of --iters), after a warm-up of at least 5 s, on random data
 * in [-1, 1] as the peer uses.
 */
@Command(name = "bench", description = "Time x-steps, z-steps and training iterations on the peer's reference configurations.")
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, description = "toy2d or image28")
    String config;

    @Option(names = "--threads", defaultValue = "1", description = "Threads, as train --threads: the blocks of"
            + " each training batch in parallel, and the x- and z-steps' chains split evenly across the threads"
            + " (default 1)")
    int threads;

    @Option(names = "--iters", defaultValue = "10", description = "timed training iterations")
    int iters;

    @Option(names = "--clock", defaultValue = "wall", description = "wall (elapsed time, as the peer) or cpu "
            + "(this thread's CPU time: steadier when other programs share the cores; the work runs on the "
            + "calling thread at --threads 1)")
    String clock;

    @Option(names = "--memory-iterations", defaultValue = "0", paramLabel = "N", description = "Also train N more "
            + "iterations after a warm-up of N/5 and report heap in use, heap reserved, resident memory and "
            + "resident memory less the heap's pages (off-heap) at every fifth (growth that does not level off "
            + "means a leak); 0 skips it")
    int memoryIterations;

    /** The app animates this many 2-D chains (toy2d only). */
    private static final int ANIMATED_CHAINS = 1024;
    private static final long ANIMATION_WARM_UP_NANOS = 10_000_000_000L;

    @Override
    public Integer call() {
        TrainingConfig cfg;
        SampleShape shape;
        switch (config) {
            case "toy2d" -> {
                cfg = Presets.get("toy2d-reference");
                shape = SampleShape.vector(2);
            }
            case "image28" -> {
                cfg = Presets.get("image28");
                shape = SampleShape.image(1, 28, 28);
            }
            default -> throw new IllegalArgumentException("--config must be toy2d or image28, got '" + config + "'");
        }
        if (threads < 1 || iters < 1 || memoryIterations < 0) {
            throw new IllegalArgumentException("--threads and --iters must be >= 1, --memory-iterations >= 0");
        }
        if (!clock.equals("wall") && !clock.equals("cpu")) {
            throw new IllegalArgumentException("--clock must be wall or cpu, got '" + clock + "'");
        }
        LongSupplier now = clock.equals("cpu") ? ManagementFactory.getThreadMXBean()::getCurrentThreadCpuTime
                : System::nanoTime;
        Nd4jSetup.init();
        int b = cfg.batch();
        Rng rng = Rng.of(1234);
        Dataset data = Dataset.ofImages("bench", shape,
                rng.fillUniform(Nd4j.create(Nd4j.defaultFloatingPointType(), 4L * b, shape.size()), -1, 1), null, null);
        TrainingSetup setup = TrainingSetup.create(data, cfg, 1234);
        DualMcmcTrainer trainer = setup.trainer().withThreads(threads);
        INDArray x = data.batch(range(b));
        INDArray z = rng.gaussian(b, cfg.nz());
        XRevision one = new XRevision(setup.models().energy(), cfg.xChain().withSteps(1));
        ZRevision oneZ = new ZRevision(setup.models().generator(), cfg.zChain().withSteps(1), cfg.sigma(), cfg.priorSigma());
        // warm-up: at least 3 rounds and 5 seconds, so that the JIT has compiled the hot loops
        // before timing (its compiler threads otherwise compete with the timed thread)
        long warmUpEnd = System.nanoTime() + 5_000_000_000L;
        for (int i = 0; i < 3 || System.nanoTime() < warmUpEnd; i++) {
            one.run(x, rng, null);
            oneZ.run(z, x, rng, null);
            trainer.step();
        }
        int steps = 20;
        XRevision xs = new XRevision(setup.models().energy(), cfg.xChain().withSteps(steps));
        LangevinSettings zSettings = cfg.zChain().withSteps(steps);
        ZRevision zs = new ZRevision(setup.models().generator(), zSettings, cfg.sigma(), cfg.priorSigma());
        // a thread's CPU clock would miss the other threads' work
        boolean onWall = threads > 1 && clock.equals("cpu");
        LongSupplier many = onWall ? System::nanoTime : now;
        double xStep;
        double zStep;
        if (threads == 1) {
            xStep = 1e6 * median(() -> xs.run(x, rng, null), 5, now) / steps;
            zStep = 1e6 * median(() -> zs.run(z, x, rng, null), 5, now) / steps;
        } else {
            try (SplitChains split = new SplitChains(setup.models(), cfg, threads, x, z)) {
                Runnable xRun = () -> split.run((m, xb, zb, r) -> new XRevision(m.energy(), cfg.xChain().withSteps(steps))
                        .run(xb, r, null));
                Runnable zRun = () -> split.run((m, xb, zb, r) -> new ZRevision(m.generator(), zSettings, cfg.sigma(),
                        cfg.priorSigma()).run(zb, xb, r, null));
                for (int i = 0; i < 3; i++) {
                    xRun.run();
                    zRun.run();
                }
                xStep = 1e6 * median(xRun, 5, many) / steps;
                zStep = 1e6 * median(zRun, 5, many) / steps;
            }
        }
        double iteration = 1e3 * median(trainer::step, iters, many);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("config", config);
        out.put("engine", "dualmcmc-nd4j-1.0.0-M2.1");
        out.put("threads", threads);
        out.put("threads_in_use", trainer.threadsInUse());
        if (clock.equals("cpu")) {
            out.put("clock", clock);
        }
        out.put("batch", b);
        out.put("x_step_us", Math.round(xStep * 10) / 10.0);
        out.put("z_step_us", Math.round(zStep * 10) / 10.0);
        out.put("iteration_ms", Math.round(iteration * 100) / 100.0);
        if (onWall) {
            out.put("multi_thread_clock", "wall");
        }
        // what each figure does, against what the cores can do (docs/performance.md)
        BenchWork work = BenchWork.of(setup.models(), cfg);
        BenchWork executed = BenchWork.executed(setup.models(), cfg);
        double peak = BenchWork.sgemmPeakGflops(now);
        out.put("sgemm_peak_gflops", round1(peak));
        share(out, "x_step", work.xStepFlop(), executed.xStepFlop(), xStep * 1e-6, peak, threads);
        share(out, "z_step", work.zStepFlop(), executed.zStepFlop(), zStep * 1e-6, peak, threads);
        share(out, "iteration", work.iterationFlop(), executed.iterationFlop(), iteration * 1e-3, peak, threads);
        if (config.equals("toy2d")) {
            animationRate(setup, cfg, data, now, out);
        }
        if (memoryIterations > 0) {
            memoryGrowth(trainer, out);
        }
        System.out.println(Json.write(out));
        return 0;
    }

    /**
     * Adds a figure's work (GFLOP per call, as the networks are written), its achieved GFLOP/s and
     * that rate as a share of the single-core sgemm peak times the cores it had; where the engine
     * does less arithmetic than written (fused layers), also the work done and its share: the
     * hardware's efficiency, where the first share is the figure's speed in the networks' terms.
     */
    private static void share(Map<String, Object> out, String figure, double flop, double executedFlop, double seconds,
                              double peak, int cores) {
        double gflops = flop / seconds / 1e9;
        out.put(figure + "_gflop", Math.round(flop / 1e6) / 1e3);
        out.put(figure + "_gflops", round1(gflops));
        out.put(figure + "_of_peak", Math.round(1000 * gflops / (peak * cores)) / 1000.0);
        if (executedFlop < flop) {
            out.put(figure + "_executed_gflop", Math.round(executedFlop / 1e6) / 1e3);
            out.put(figure + "_executed_of_peak", Math.round(1000 * executedFlop / seconds / 1e9 / (peak * cores)) / 1000.0);
        }
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /**
     * Langevin steps per second of the app's animation path: 1024 chains run and recorded in full
     * (energy or MSE per chain and every state, as the x- and z-revision views draw them), on one
     * thread and on every core as the app runs them (blocks of chains in parallel, see ChainRunner).
     */
    private static void animationRate(TrainingSetup setup, TrainingConfig cfg, Dataset data, LongSupplier now,
                                      Map<String, Object> out) {
        int cores = Runtime.getRuntime().availableProcessors();
        out.put("animated_chains", ANIMATED_CHAINS);
        out.put("animation_threads", cores);
        for (int threads : cores > 1 ? new int[]{1, cores} : new int[]{1}) {
            ChainRunner runner = new ChainRunner(setup.models(), cfg, threads);
            // a thread's CPU clock would miss the other threads' work
            LongSupplier clock = threads == 1 ? now : System::nanoTime;
            int steps = 100;
            LangevinSettings x = cfg.xChain().withSteps(steps);
            LangevinSettings z = cfg.zChain().withSteps(steps);
            INDArray observations = ChainRunner.zObservations(data, ANIMATED_CHAINS, 7);
            Runnable xRun = () -> runner.xChains(ChainInit.GENERATOR, x, ANIMATED_CHAINS, ANIMATED_CHAINS, 7);
            Runnable zRun = () -> runner.zChains(ChainInit.INFERENCE, z, observations, ANIMATED_CHAINS, 7);
            // the app animates for minutes: time the steady state. Measured here, the JIT's compiler
            // threads took 40% of the CPU in the first second of 1024-chain runs, and the rate on two
            // threads kept rising for 5-8 s (190 -> 400 -> 600-1000 steps/s)
            long warmUpEnd = System.nanoTime() + ANIMATION_WARM_UP_NANOS;
            for (int i = 0; i < 2 || System.nanoTime() < warmUpEnd; i++) {
                xRun.run();
                zRun.run();
            }
            double xs = median(xRun, 5, clock);
            double zs = median(zRun, 5, clock);
            String suffix = threads == 1 ? "_one_thread" : "";
            out.put("x_chain_steps_per_s" + suffix, Math.round(steps / xs));
            out.put("z_chain_steps_per_s" + suffix, Math.round(steps / zs));
        }
    }

    /**
     * Heap in use after a GC, heap reserved from the system (the collector grows it as it sees fit,
     * and it counts in resident memory though nothing leaks), the JVM's non-heap memory (compiled
     * code, class metadata), the process's resident anonymous memory, and that less the heap's own
     * resident pages: the off-heap memory (on Linux, see {@link HeapPages}),
     * after a warm-up and then at every fifth of the run, so that a plateau (collector, allocator
     * and JIT settling) can be told from a leak. ND4J's native buffers show only in resident
     * memory: JavaCPP's count of its own allocations does not include them.
     */
    private void memoryGrowth(DualMcmcTrainer trainer, Map<String, Object> out) {
        for (int i = 0; i < Math.max(1, memoryIterations / 5); i++) {
            trainer.step();
        }
        String[] names = {"heap", "heap_committed", "nonheap_committed", "rss", "offheap_rss"};
        List<List<Long>> series = new ArrayList<>();
        for (int k = 0; k < names.length; k++) {
            series.add(new ArrayList<>());
        }
        for (int part = 0; part <= 5; part++) {
            if (part > 0) {
                for (int i = 0; i < memoryIterations / 5; i++) {
                    trainer.step();
                }
            }
            long[] m = memory();
            for (int k = 0; k < names.length; k++) {
                series.get(k).add(m[k] < 0 ? -1L : m[k] >> 20);
            }
        }
        out.put("memory_iterations", memoryIterations);
        for (int k = 0; k < names.length; k++) {
            List<Long> mb = series.get(k);
            if (mb.contains(-1L)) {
                continue;
            }
            out.put(names[k] + "_mb", mb);
            out.put(names[k] + "_growth", Math.round(1000.0 * mb.get(5) / Math.max(1, mb.get(0)) - 1000) / 1000.0);
        }
    }

    private static long[] memory() {
        // two collections: the first queues ND4J's native buffers for release, the second lets
        // their deallocator run, so what remains is what is really held
        for (int i = 0; i < 2; i++) {
            System.gc();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Runtime rt = Runtime.getRuntime();
        long nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage().getCommitted();
        long resident = Pointer.physicalBytes();
        OptionalLong heapPages = HeapPages.resident();
        long offHeap = heapPages.isPresent() ? resident - heapPages.getAsLong() : -1;
        return new long[]{rt.totalMemory() - rt.freeMemory(), rt.totalMemory(), nonHeap, resident, offHeap};
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    private static double median(Runnable work, int reps, LongSupplier now) {
        double[] t = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t0 = now.getAsLong();
            work.run();
            t[i] = (now.getAsLong() - t0) / 1e9;
        }
        Arrays.sort(t);
        return reps % 2 == 1 ? t[reps / 2] : (t[reps / 2 - 1] + t[reps / 2]) / 2;
    }
}
