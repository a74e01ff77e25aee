package dualmcmc.engine.cli;

import dualmcmc.engine.io.Checkpoint;
import dualmcmc.engine.io.ClassifierFile;
import dualmcmc.engine.io.Json;
import dualmcmc.engine.io.RunStore;
import dualmcmc.engine.metrics.Evaluation;
import dualmcmc.engine.util.Nd4jSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "eval", description = "Evaluate a trained run: mode coverage for 2-D mixtures, MSE and energies for images.")
public final class EvalCommand implements Callable<Integer> {
    @Mixin
    RunOptions runOptions;

    @Option(names = "--samples", defaultValue = "2500")
    int samples;

    @Option(names = "--seed", defaultValue = "0")
    long seed;

    @Option(names = "--fd", description = "Also the Frechet distances of generator and revised samples to the data,"
            + " in the feature space of the data set's bundled classifier (or --classifier)")
    boolean fd;

    @Option(names = "--classifier", paramLabel = "FILE", description = "A classifier written by `classifier --out`")
    Path classifier;

    @Override
    public Integer call() throws Exception {
        if (samples < 1) {
            throw new IllegalArgumentException("--samples must be >= 1, got " + samples);
        }
        Nd4jSetup.init();
        Checkpoint.Loaded run = RunStore.load(runOptions.run);
        Map<String, Object> out = new LinkedHashMap<>(
                Evaluation.evaluate(run.models(), run.config(), run.data(), samples, seed));
        if (fd || classifier != null) {
            ClassifierFile.Loaded c = classifier != null ? ClassifierFile.load(classifier)
                    : ClassifierFile.bundled(run.data().name()).orElseThrow(() -> new IllegalArgumentException(
                    "no classifier is bundled for " + run.data().name() + "; train one with `classifier --dataset "
                            + run.data().name() + " --out FILE` and pass --classifier FILE"));
            Map<String, Object> f = Evaluation.frechet(run.models(), run.config(), run.data(), c.classifier(),
                    samples, seed);
            out.put("fd_generator", f.get("fd_generator"));
            out.put("fd_revised", f.get("fd_revised"));
            out.put("fd_data", f.get("fd_data"));
            out.put("classifier_accuracy", c.testAccuracy());
        }
        System.out.println(Json.write(out));
        return 0;
    }
}
