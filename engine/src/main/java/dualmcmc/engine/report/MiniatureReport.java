package dualmcmc.engine.report;

import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.config.TrainingMode;
import dualmcmc.engine.data.Dataset;
import dualmcmc.engine.mcmc.ChainInit;
import dualmcmc.engine.mcmc.ChainRunner;
import dualmcmc.engine.metrics.Evaluation;
import dualmcmc.engine.model.Classifier;
import dualmcmc.engine.train.DivergenceException;
import dualmcmc.engine.train.DualMcmcTrainer;
import dualmcmc.engine.train.TrainingSetup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The paper's comparisons in miniature, on one data set, one seed and one iteration budget for
 * every run: methods (its Tables 1 and 3), the z ablation on the dual-MCMC model (Table 4: chains
 * from noise with L = 10 and 30 steps vs from the inference model with L = 10) and the x ablation
 * (Table 5: k_x = 10, 20, 30, 50). Baselines are trained exactly like the method, with the same
 * networks, settings and budget; nothing is tuned for one of them.
 */
public final class MiniatureReport {
    public static final List<Integer> X_STEPS = List.of(10, 20, 30, 50);
    private final Dataset data;
    private final TrainingConfig base;
    private final Classifier classifier;
    private final long budget;
    private final long seed;
    private final int samples;
    private final Consumer<String> progress;

    public MiniatureReport(Dataset data, TrainingConfig base, Classifier classifier, long budget, long seed,
                           int samples, Consumer<String> progress) {
        if (budget < 1 || samples < 2) {
            throw new IllegalArgumentException("the budget must be >= 1 iteration and samples >= 2");
        }
        this.data = data;
        this.base = base;
        this.classifier = classifier;
        this.budget = budget;
        this.seed = seed;
        this.samples = samples;
        this.progress = progress;
    }

    /** One trained run: its models, its evaluation and its cost. */
    public record Run(String name, DualMcmcTrainer trainer, Map<String, Object> eval, double secondsPerIteration,
                      String diverged) {
        double figure(String key) {
            Object v = eval.get(key);
            return v instanceof Number n ? n.doubleValue() : Double.NaN;
        }
    }

    public record Result(Table methods, Table zAblation, Table xAblation, List<Run> runs) {
    }

    public Result run() {
        List<Run> runs = new ArrayList<>();
        Map<String, Run> byMode = new LinkedHashMap<>();
        for (TrainingMode mode : List.of(TrainingMode.DUAL_MCMC, TrainingMode.COOPERATIVE, TrainingMode.SHORT_RUN,
                TrainingMode.ABP, TrainingMode.INFERENCE_ONLY)) {
            Run r = train(mode.key(), base.withValue("mode", mode.key()));
            byMode.put(mode.key(), r);
            runs.add(r);
        }
        Run dual = byMode.get(TrainingMode.DUAL_MCMC.key());
        Map<Integer, Run> byXSteps = new LinkedHashMap<>();
        for (int k : X_STEPS) {
            Run r = k == base.intValue("x_steps") ? dual : train("dual-mcmc k_x=" + k, base.withValue("x_steps", k));
            if (r != dual) {
                runs.add(r);
            }
            byXSteps.put(k, r);
        }
        return new Result(methods(byMode), zAblation(dual), xAblation(byXSteps), runs);
    }

    private Run train(String name, TrainingConfig cfg) {
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
        double perIteration = t.iteration() == 0 ? Double.NaN : (System.nanoTime() - start) / 1e9 / t.iteration();
        Map<String, Object> eval = new LinkedHashMap<>(Evaluation.images(t.models(), cfg, data, samples, seed));
        eval.putAll(Evaluation.frechet(t.models(), cfg, data, classifier, samples, seed));
        progress.accept(name + ": " + eval);
        return new Run(name, t, eval, perIteration, diverged);
    }

    private Table methods(Map<String, Run> byMode) {
        List<List<Object>> rows = new ArrayList<>();
        for (Run r : byMode.values()) {
            TrainingMode mode = TrainingMode.of(r.trainer().config().mode());
            // a short-run EBM has no generator: its "generator" samples are the noise its chains start from
            double fdGenerator = mode.trainsGenerator() ? r.figure("fd_generator") : Double.NaN;
            double fdRevised = mode.trainsEbm() ? r.figure("fd_revised") : Double.NaN;
            double mse = mode == TrainingMode.INFERENCE_ONLY ? r.figure("mse_inference") : r.figure("mse_revised");
            rows.add(List.of(r.name(), r.trainer().iteration(), fdGenerator, fdRevised, mse, r.secondsPerIteration()));
        }
        return new Table("Methods", List.of("method", "iterations", "fd_generator", "fd_revised", "mse",
                "seconds_per_iteration"), rows);
    }

    /** Reconstruction MSE of the dual-MCMC model's z-chains: where they start and how long they run. */
    private Table zAblation(Run dual) {
        ChainRunner runner = new ChainRunner(dual.trainer().models(), dual.trainer().config());
        List<List<Object>> rows = new ArrayList<>();
        for (Object[] c : new Object[][]{{ChainInit.NOISE, 10}, {ChainInit.NOISE, 30}, {ChainInit.INFERENCE, 10}}) {
            ChainInit init = (ChainInit) c[0];
            int steps = (Integer) c[1];
            double[] profile = runner.zChains(init, dual.trainer().config().zChain().withSteps(steps), data,
                    Math.min(samples, data.size()), 0, seed).meanProfile();
            rows.add(List.of(init.key(), steps, profile[profile.length - 1]));
        }
        return new Table("z-revision ablation (dual-MCMC model)", List.of("init", "steps", "mse"), rows);
    }

    private Table xAblation(Map<Integer, Run> byXSteps) {
        List<List<Object>> rows = new ArrayList<>();
        byXSteps.forEach((k, r) -> rows.add(List.of(k, r.figure("fd_generator"), r.figure("fd_revised"),
                r.secondsPerIteration())));
        return new Table("x-revision ablation (k_x in training)", List.of("k_x", "fd_generator", "fd_revised",
                "seconds_per_iteration"), rows);
    }
}
