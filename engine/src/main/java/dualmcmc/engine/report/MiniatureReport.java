package dualmcmc.engine.report;

import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.config.TrainingMode;
import dualmcmc.engine.data.Dataset;
import dualmcmc.engine.mcmc.ChainInit;
import dualmcmc.engine.mcmc.ChainRunner;
import dualmcmc.engine.mcmc.ChainTrace;
import dualmcmc.engine.metrics.Bootstrap;
import dualmcmc.engine.metrics.Evaluation;
import dualmcmc.engine.model.Classifier;
import dualmcmc.engine.train.DivergenceException;
import dualmcmc.engine.train.DualMcmcTrainer;
import dualmcmc.engine.train.TrainingSetup;
import dualmcmc.engine.util.Rng;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The paper's comparisons in miniature, on one data set, one seed and one iteration budget for
 * every run: methods (its Tables 1 and 3), the z ablation on the dual-MCMC model (Table 4: chains
 * from noise with L = 10 and 30 steps vs from the inference model with L = 10) and the x ablation
 * (Table 5: k_x = 10, 20, 30, 50). Baselines are trained exactly like the method, with the same
 * networks, settings and budget; nothing is tuned for one of them. Each FD and each z-ablation MSE
 * carries its bootstrap replicates over samples ({@link Measured}), so a comparison can tell a
 * difference from sampling noise.
 */
public final class MiniatureReport {
    public static final List<Integer> X_STEPS = List.of(10, 20, 30, 50);
    private final Dataset data;
    private final TrainingConfig base;
    private final Classifier classifier;
    private final long budget;
    private final long seed;
    private final int samples;
    private final int replicates;
    private final Consumer<String> progress;

    /** {@code replicates}: bootstrap replicates over samples of each FD and z-ablation MSE. */
    public MiniatureReport(Dataset data, TrainingConfig base, Classifier classifier, long budget, long seed,
                           int samples, int replicates, Consumer<String> progress) {
        if (budget < 1 || samples < 2 || replicates < 1) {
            throw new IllegalArgumentException("the budget must be >= 1 iteration, samples >= 2 and replicates >= 1");
        }
        this.data = data;
        this.base = base;
        this.classifier = classifier;
        this.budget = budget;
        this.seed = seed;
        this.samples = samples;
        this.replicates = replicates;
        this.progress = progress;
    }

    /** What a report keeps of one trained run: its settings, evaluation and cost (not its models). */
    public record Run(String name, TrainingConfig config, long iterations, Map<String, Object> eval,
                      Map<String, double[]> replicates, double secondsPerIteration, String diverged) {
        double figure(String key) {
            Object v = eval.get(key);
            return v instanceof Number n ? n.doubleValue() : Double.NaN;
        }

        /** The figure with its bootstrap replicates, where it has them. */
        Measured measured(String key) {
            return new Measured(figure(key), replicates.get(key));
        }
    }

    public record Result(Table methods, Table zAblation, Table xAblation, List<Run> runs) {
    }

    /**
     * Trains and evaluates every run, handing each trained model to {@code trained} (e.g. to save
     * it) as soon as it is done; only the figures are kept, so memory does not grow with the number
     * of runs (kept models ran a fashion-mnist report out of heap at the ninth run).
     */
    public Result run(BiConsumer<Run, DualMcmcTrainer> trained) {
        List<Run> runs = new ArrayList<>();
        Map<String, Run> byMode = new LinkedHashMap<>();
        Table zAblation = null;
        for (TrainingMode mode : List.of(TrainingMode.DUAL_MCMC, TrainingMode.COOPERATIVE, TrainingMode.SHORT_RUN,
                TrainingMode.ABP, TrainingMode.INFERENCE_ONLY)) {
            Trained t = train(mode.key(), base.withValue("mode", mode.key()));
            Run r = evaluate(t);
            if (mode == TrainingMode.DUAL_MCMC) {
                zAblation = zAblation(t.trainer());
            }
            trained.accept(r, t.trainer());
            byMode.put(mode.key(), r);
            runs.add(r);
        }
        Run dual = byMode.get(TrainingMode.DUAL_MCMC.key());
        Map<Integer, Run> byXSteps = new LinkedHashMap<>();
        for (int k : X_STEPS) {
            Run r = dual;
            if (k != base.xChain().steps()) {
                Trained t = train("dual-mcmc k_x=" + k, base.withValue("x_steps", k));
                r = evaluate(t);
                trained.accept(r, t.trainer());
                runs.add(r);
            }
            byXSteps.put(k, r);
        }
        return new Result(methods(byMode), zAblation, xAblation(byXSteps), runs);
    }

    /** A run just trained: its trainer (models and all), wall time, and why it stopped early if it did. */
    private record Trained(String name, DualMcmcTrainer trainer, double seconds, String diverged) {
    }

    /** Trains one run for the budget; a diverged run stops there and is evaluated as it stands. */
    private Trained train(String name, TrainingConfig cfg) {
        progress.accept("training " + name + " for " + budget + " iterations");
        DualMcmcTrainer t = TrainingSetup.create(data, cfg, seed).trainer();
        long start = System.nanoTime();
        String diverged = null;
        while (t.iteration() < budget) {
            try {
                t.step();
            } catch (DivergenceException e) {
                diverged = e.getMessage();
                progress.accept(name + ": " + diverged + "; evaluated as it stands");
                break;
            }
        }
        return new Trained(name, t, (System.nanoTime() - start) / 1e9, diverged);
    }

    private Run evaluate(Trained trained) {
        DualMcmcTrainer t = trained.trainer();
        TrainingConfig cfg = t.config();
        double perIteration = t.iteration() == 0 ? Double.NaN : trained.seconds() / t.iteration();
        Map<String, Object> eval = new LinkedHashMap<>(Evaluation.images(t.models(), cfg, data, samples, seed));
        Evaluation.FrechetFigures fd = Evaluation.frechet(t.models(), cfg, data, classifier, samples, seed, replicates);
        eval.putAll(fd.figures());
        progress.accept(trained.name() + ": " + eval);
        return new Run(trained.name(), cfg, t.iteration(), eval, fd.replicates(), perIteration, trained.diverged());
    }

    private Table methods(Map<String, Run> byMode) {
        List<List<Object>> rows = new ArrayList<>();
        for (Run r : byMode.values()) {
            TrainingMode mode = TrainingMode.of(r.config().mode());
            // a short-run EBM has no generator: its "generator" samples are the noise its chains start from
            Measured fdGenerator = mode.trainsGenerator() ? r.measured("fd_generator") : Measured.MISSING;
            Measured fdRevised = mode.trainsEbm() ? r.measured("fd_revised") : Measured.MISSING;
            double mse = mode == TrainingMode.INFERENCE_ONLY ? r.figure("mse_inference") : r.figure("mse_revised");
            rows.add(List.of(r.name(), r.iterations(), fdGenerator, fdRevised, mse, r.secondsPerIteration()));
        }
        return new Table("Methods", List.of("method", "iterations", "fd_generator", "fd_revised", "mse",
                "seconds_per_iteration"), rows);
    }

    /**
     * Reconstruction MSE of the dual-MCMC model's z-chains: where they start and how long they run.
     * Each chain's own final MSE is at hand, so the mean is bootstrapped over chains.
     */
    private Table zAblation(DualMcmcTrainer dual) {
        ChainRunner runner = new ChainRunner(dual.models(), dual.config());
        List<List<Object>> rows = new ArrayList<>();
        for (Object[] c : new Object[][]{{ChainInit.NOISE, 10}, {ChainInit.NOISE, 30}, {ChainInit.INFERENCE, 10}}) {
            ChainInit init = (ChainInit) c[0];
            int steps = (Integer) c[1];
            ChainTrace trace = runner.zChains(init, dual.config().zChain().withSteps(steps), data,
                    Math.min(samples, data.size()), 0, seed);
            double[] profile = trace.meanProfile();
            double[] perChain = new double[trace.chains()];
            for (int i = 0; i < perChain.length; i++) {
                perChain[i] = trace.value(trace.steps(), i);
            }
            double[] reps = Bootstrap.mean(perChain, replicates, Rng.mix(seed, "z-ablation/" + init.key() + "/" + steps));
            rows.add(List.of(init.key(), steps, new Measured(profile[profile.length - 1], reps)));
        }
        return new Table("z-revision ablation (dual-MCMC model)", List.of("init", "steps", "mse"), rows);
    }

    private Table xAblation(Map<Integer, Run> byXSteps) {
        List<List<Object>> rows = new ArrayList<>();
        byXSteps.forEach((k, r) -> rows.add(List.of(k, r.measured("fd_generator"), r.measured("fd_revised"),
                r.secondsPerIteration())));
        return new Table("x-revision ablation (k_x in training)", List.of("k_x", "fd_generator", "fd_revised",
                "seconds_per_iteration"), rows);
    }
}
