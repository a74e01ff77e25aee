package dualmcmc.engine.cli;

import dualmcmc.engine.config.LangevinSettings;
import dualmcmc.engine.io.Json;
import dualmcmc.engine.io.Checkpoint;
import dualmcmc.engine.io.RunStore;
import dualmcmc.engine.mcmc.ChainInit;
import dualmcmc.engine.mcmc.ChainKind;
import dualmcmc.engine.mcmc.ChainRunner;
import dualmcmc.engine.mcmc.ChainTrace;
import dualmcmc.engine.mcmc.Revision;
import dualmcmc.engine.util.Nd4jSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "chains", description = "Run recorded x- or z-revision chains and print the mean energy (x) or per-pixel MSE (z) per step, and how much they changed the samples (mean absolute change from step 0, per value).")
public final class ChainsCommand implements Callable<Integer> {
    @Mixin
    RunOptions runOptions;

    /** Chains whose states are kept to measure what they changed. */
    static final int RECORDED = 64;

    @Option(names = "--kind", required = true, description = "x or z")
    String kind;

    @Option(names = "--init", required = true, description = "generator | inference | noise")
    String init;

    @Option(names = "--steps", description = "Langevin steps (default: the run's k_x or k_z)")
    Integer steps;

    @Option(names = "--chains", defaultValue = "64")
    int chains;

    @Option(names = "--seed", defaultValue = "0")
    long seed;

    @Override
    public Integer call() throws Exception {
        ChainKind k = parseKind("--kind", kind);
        ChainInit i = ChainInit.parse(init);
        Nd4jSetup.init();
        ChainTrace trace = run(RunStore.load(runOptions.run), k, i, steps, chains, Math.min(chains, RECORDED), seed);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", k.key());
        out.put("init", i.key());
        out.put("steps", trace.steps());
        out.put("chains", trace.chains());
        out.put("profile", trace.meanProfile());
        // how much the chains changed their pictures (x) or decodings (z), per value in data units
        double[] change = Revision.meanAbsChange(trace, trace.steps());
        out.put("mean_abs_change", Arrays.stream(change).average().orElse(0));
        out.put("mean_abs_change_per_chain", change);
        System.out.println(Json.write(out));
        return 0;
    }

    static ChainKind parseKind(String option, String value) {
        return switch (value) {
            case "x" -> ChainKind.X;
            case "z" -> ChainKind.Z;
            default -> throw new IllegalArgumentException(option + " must be x or z, got '" + value + "'");
        };
    }

    /**
     * Runs {@code chains} chains of a trained run as the chain commands do: the run's own Langevin
     * settings (k_x or k_z steps unless {@code steps} is given); z-chains revise the latents of a
     * seeded subset of the run's data ({@link ChainRunner#zObservations}). The first
     * {@code recorded} chains keep their states.
     */
    static ChainTrace run(Checkpoint.Loaded run, ChainKind k, ChainInit i, Integer steps, int chains, int recorded,
                          long seed) {
        if (chains < 1 || (steps != null && steps < 0)) {
            throw new IllegalArgumentException("--chains must be >= 1 and --steps >= 0");
        }
        ChainRunner runner = new ChainRunner(run.models(), run.config());
        LangevinSettings s = k == ChainKind.X ? run.config().xChain() : run.config().zChain();
        if (steps != null) {
            s = s.withSteps(steps);
        }
        return k == ChainKind.X
                ? runner.xChains(i, s, chains, recorded, seed)
                : runner.zChains(i, s, run.data(), chains, recorded, seed);
    }
}
