package dualmcmc.engine.cli;

import dualmcmc.engine.config.Presets;
import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.data.Dataset;
import dualmcmc.engine.data.Datasets;
import dualmcmc.engine.io.AtomicFiles;
import dualmcmc.engine.io.ClassifierFile;
import dualmcmc.engine.io.Json;
import dualmcmc.engine.io.RunStore;
import dualmcmc.engine.model.Classifier;
import dualmcmc.engine.report.MiniatureReport;
import dualmcmc.engine.report.Orderings;
import dualmcmc.engine.report.Table;
import dualmcmc.engine.train.ClassifierTraining;
import dualmcmc.engine.util.Nd4jSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "report", description = "The paper's tables in miniature: every method, the z and x ablations, one budget and seed.")
public final class ReportCommand implements Callable<Integer> {
    @Option(names = "--dataset", required = true, completionCandidates = DatasetNames.class)
    String dataset;

    @Option(names = "--data", paramLabel = "PATH", description = "Data folder, as for train")
    Path dataDir;

    @Option(names = "--preset", description = "Starting configuration (default: the data set's)")
    String preset;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a setting for every run")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--budget", required = true, paramLabel = "ITERATIONS", description = "Training iterations per run")
    long budget;

    @Option(names = "--seed", defaultValue = "0")
    long seed;

    @Option(names = "--samples", defaultValue = "1000", description = "Samples for each FD and MSE")
    int samples;

    @Option(names = "--classifier", paramLabel = "FILE",
            description = "Feature classifier (default: the bundled one, or one trained here for 5 epochs)")
    Path classifierFile;

    @Option(names = "--out", required = true, paramLabel = "DIR")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Nd4jSetup.init();
        Dataset data = Datasets.load(dataset, dataDir, seed);
        String presetName = preset != null ? preset : Presets.defaultFor(dataset);
        TrainingConfig cfg = Presets.get(presetName).withOverrides(overrides);
        Files.createDirectories(out);
        long start = System.nanoTime();
        ClassifierFile.Loaded bundled = classifierFile != null ? ClassifierFile.load(classifierFile)
                : ClassifierFile.bundled(data.name()).orElse(null);
        Classifier classifier;
        double accuracy;
        if (bundled != null) {
            classifier = bundled.classifier();
            accuracy = bundled.testAccuracy();
        } else {
            System.err.println("no classifier bundled for " + data.name() + ": training one (5 epochs)");
            ClassifierTraining.Result r = ClassifierTraining.train(data, 5, seed);
            classifier = r.classifier();
            accuracy = r.testAccuracy();
        }
        MiniatureReport.Result result = new MiniatureReport(data, cfg, classifier, budget, seed, samples,
                System.err::println).run((run, trainer) -> {
                    try {
                        RunStore.save(out.resolve("runs").resolve(run.name().replace(' ', '_').replace('=', '-')),
                                trainer, dataDir, run.eval());
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
        double minutes = (System.nanoTime() - start) / 6e10;
        write("methods.csv", result.methods().csv());
        write("z_ablation.csv", result.zAblation().csv());
        write("x_ablation.csv", result.xAblation().csv());
        List<Orderings.Check> checks = Orderings.of(result);
        write("report.md", markdown(result, checks, accuracy, presetName, minutes));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("dataset", data.name());
        summary.put("budget", budget);
        summary.put("seed", seed);
        summary.put("classifier_accuracy", accuracy);
        summary.put("minutes", minutes);
        summary.put("orderings", checks.stream().map(c -> Map.of("claim", c.claim(), "holds", c.holds(),
                "numbers", c.numbers())).toList());
        summary.put("out", out.toString());
        System.out.println(Json.write(summary));
        return 0;
    }

    private void write(String name, String text) throws java.io.IOException {
        AtomicFiles.write(out.resolve(name), text.getBytes(StandardCharsets.UTF_8));
    }

    private String markdown(MiniatureReport.Result r, List<Orderings.Check> checks, double accuracy, String presetName,
                            double minutes) {
        StringBuilder md = new StringBuilder("# Dual-MCMC teaching in miniature: ").append(dataset).append("\n\n");
        md.append("`dualmcmc ").append(String.join(" ", spec.commandLine().getParseResult().originalArgs()))
                .append("`  \n");
        md.append(String.format(java.util.Locale.ROOT, "Preset %s, %d iterations per run, seed %d, %d samples per "
                        + "figure, %.1f minutes in all (%s). FD: Frechet distance to the data in the features of a "
                        + "classifier with %.1f%% held-out accuracy (the paper's FID uses Inception). MSE: per-pixel "
                        + "reconstruction error of data (method's own z: inference mean + k_z steps, noise + k_z for "
                        + "models without inference).\n\n",
                presetName, budget, seed, samples, minutes, Instant.now(), 100 * accuracy));
        for (Table t : List.of(r.methods(), r.zAblation(), r.xAblation())) {
            md.append("## ").append(t.title()).append("\n\n").append(t.markdown()).append('\n');
        }
        md.append("## The paper's orderings\n\n");
        for (Orderings.Check c : checks) {
            md.append("- ").append(c.holds() ? "holds" : "does NOT hold").append(": ").append(c.claim()).append(" (")
                    .append(c.numbers()).append(")\n");
        }
        for (MiniatureReport.Run run : r.runs()) {
            if (run.diverged() != null) {
                md.append("\n").append(run.name()).append(" stopped early: ").append(run.diverged()).append('\n');
            }
        }
        return md.toString();
    }
}
