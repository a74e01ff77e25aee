package dualmcmc.engine.cli;

import dualmcmc.engine.io.Json;
import dualmcmc.engine.io.Checkpoint;
import dualmcmc.engine.io.RunStore;
import dualmcmc.engine.metrics.Evaluation;
import dualmcmc.engine.util.Nd4jSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "eval", description = "Evaluate a trained run: mode coverage for 2-D mixtures, MSE and energies for images.")
public final class EvalCommand implements Callable<Integer> {
    @Mixin
    RunOptions runOptions;

    @Option(names = "--samples", defaultValue = "2500")
    int samples;

    @Option(names = "--seed", defaultValue = "0")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (samples < 1) {
            throw new IllegalArgumentException("--samples must be >= 1, got " + samples);
        }
        Nd4jSetup.init();
        Checkpoint.Loaded run = RunStore.load(runOptions.run);
        System.out.println(Json.write(Evaluation.evaluate(run.models(), run.config(), run.data(), samples, seed)));
        return 0;
    }
}
