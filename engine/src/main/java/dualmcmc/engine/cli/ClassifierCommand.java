package dualmcmc.engine.cli;

import dualmcmc.engine.data.Dataset;
import dualmcmc.engine.data.Datasets;
import dualmcmc.engine.io.ClassifierFile;
import dualmcmc.engine.io.Json;
import dualmcmc.engine.train.ClassifierTraining;
import dualmcmc.engine.util.Nd4jSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "classifier",
        description = "Train the small classifier whose features the Frechet distance (eval --fd) uses.")
public final class ClassifierCommand implements Callable<Integer> {
    @Option(names = "--dataset", required = true, completionCandidates = DatasetNames.class)
    String dataset;

    @Option(names = "--data", paramLabel = "PATH", description = "Data folder, as for train")
    Path dataDir;

    @Option(names = "--epochs", defaultValue = "5")
    int epochs;

    @Option(names = "--seed", defaultValue = "0")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the .dmcc file")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Nd4jSetup.init();
        Dataset data = Datasets.load(dataset, dataDir, seed);
        ClassifierTraining.Result r = ClassifierTraining.train(data, epochs, seed);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("test_accuracy", r.testAccuracy());
        info.put("train_size", r.trainSize());
        info.put("test_size", r.testSize());
        info.put("epochs", r.epochs());
        // the original arguments start with the subcommand's name
        info.put("recipe", Map.of("command", "dualmcmc "
                + String.join(" ", spec.commandLine().getParseResult().originalArgs()), "seconds", r.seconds()));
        ClassifierFile.save(out, r.classifier(), data.name(), info);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("dataset", data.name());
        summary.putAll(info);
        summary.put("out", out.toString());
        System.out.println(Json.write(summary));
        return 0;
    }
}
