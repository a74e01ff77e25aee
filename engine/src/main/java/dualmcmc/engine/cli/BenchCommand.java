package dualmcmc.engine.cli;

import dualmcmc.engine.config.LangevinSettings;
import dualmcmc.engine.config.Presets;
import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.data.Dataset;
import dualmcmc.engine.data.SampleShape;
import dualmcmc.engine.io.Json;
import dualmcmc.engine.mcmc.XRevision;
import dualmcmc.engine.mcmc.ZRevision;
import dualmcmc.engine.train.TrainingSetup;
import dualmcmc.engine.util.Nd4jSetup;
import dualmcmc.engine.util.Rng;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;

/**
 * {@code bench}: the PyTorch peer's measurements (../shared/peer/torch_dualmcmc.py) on exactly its
 * reference networks and settings: microseconds per x-step and z-step (20-step chains, median of
 * 5) and milliseconds per training iteration (median of --iters), after warm-up, on random data
 * in [-1, 1] as the peer uses.
 */
@Command(name = "bench", description = "Time x-steps, z-steps and training iterations on the peer's reference configurations.")
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, description = "toy2d or image28")
    String config;

    @Option(names = "--threads", defaultValue = "1", description = "BLAS threads (default 1)")
    int threads;

    @Option(names = "--iters", defaultValue = "10", description = "timed training iterations")
    int iters;

    @Option(names = "--clock", defaultValue = "wall", description = "wall (elapsed time, as the peer) or cpu "
            + "(this thread's CPU time: steadier when other programs share the cores; the work runs on the "
            + "calling thread at --threads 1)")
    String clock;

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
        if (threads < 1 || iters < 1) {
            throw new IllegalArgumentException("--threads and --iters must be >= 1");
        }
        if (!clock.equals("wall") && !clock.equals("cpu")) {
            throw new IllegalArgumentException("--clock must be wall or cpu, got '" + clock + "'");
        }
        LongSupplier now = clock.equals("cpu") ? ManagementFactory.getThreadMXBean()::getCurrentThreadCpuTime
                : System::nanoTime;
        Nd4jSetup.init();
        Nd4j.factory().blas().setMaxThreads(threads);
        int b = cfg.batch();
        Rng rng = Rng.of(1234);
        Dataset data = Dataset.ofImages("bench", shape,
                rng.fillUniform(Nd4j.create(Nd4j.defaultFloatingPointType(), 4L * b, shape.size()), -1, 1), null, null);
        TrainingSetup setup = TrainingSetup.create(data, cfg, 1234);
        INDArray x = data.batch(range(b));
        INDArray z = rng.gaussian(b, cfg.nz());
        XRevision one = new XRevision(setup.models().energy(), cfg.xChain().withSteps(1));
        ZRevision oneZ = new ZRevision(setup.models().generator(), cfg.zChain().withSteps(1), cfg.sigma(), cfg.priorSigma());
        for (int i = 0; i < 3; i++) {
            one.run(x, rng, null);
            oneZ.run(z, x, rng, null);
            setup.trainer().step();
        }
        int steps = 20;
        XRevision xs = new XRevision(setup.models().energy(), cfg.xChain().withSteps(steps));
        LangevinSettings zSettings = cfg.zChain().withSteps(steps);
        ZRevision zs = new ZRevision(setup.models().generator(), zSettings, cfg.sigma(), cfg.priorSigma());
        double xStep = 1e6 * median(() -> xs.run(x, rng, null), 5, now) / steps;
        double zStep = 1e6 * median(() -> zs.run(z, x, rng, null), 5, now) / steps;
        double iteration = 1e3 * median(() -> setup.trainer().step(), iters, now);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("config", config);
        out.put("engine", "dualmcmc-nd4j-1.0.0-M2.1");
        out.put("threads", threads);
        if (clock.equals("cpu")) {
            out.put("clock", clock);
        }
        out.put("batch", b);
        out.put("x_step_us", Math.round(xStep * 10) / 10.0);
        out.put("z_step_us", Math.round(zStep * 10) / 10.0);
        out.put("iteration_ms", Math.round(iteration * 100) / 100.0);
        System.out.println(Json.write(out));
        return 0;
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
