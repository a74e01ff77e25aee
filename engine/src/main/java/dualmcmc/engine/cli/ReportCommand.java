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
import dualmcmc.engine.report.AcrossSeeds;
import dualmcmc.engine.report.MiniatureReport;
import dualmcmc.engine.report.Orderings;
import dualmcmc.engine.report.SeedResults;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.LongStream;

@Command(name = "report", description = "The paper's tables in miniature: every method, the z and x ablations, "
        + "one budget, on one seed or several, with intervals over seeds and samples.")
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

    @Option(names = "--seed", defaultValue = "0", description = "The first seed")
    long seed;

    @Option(names = "--seeds", defaultValue = "1", paramLabel = "N",
            description = "Run the whole report for seeds S, S+1, ..., S+N-1 (default 1)")
    int seedCount;

    @Option(names = "--bootstrap", defaultValue = "200", paramLabel = "B",
            description = "Bootstrap replicates behind each interval (default 200)")
    int replicates;

    @Option(names = "--samples", defaultValue = "1000", description = "Samples for each FD and MSE")
    int samples;

    @Option(names = "--classifier", paramLabel = "FILE",
            description = "Feature classifier (default: the bundled one, or one trained here for 5 epochs)")
    Path classifierFile;

    @Option(names = "--out", required = true, paramLabel = "DIR")
    Path out;

    @Option(names = "--resume", description = "Reuse the seeds already finished in --out by an earlier run with "
            + "the same settings (each seed's results/seed-S.json) and run only the rest")
    boolean resume;

    @Spec
    CommandSpec spec;

    /** The given or bundled classifier once read (empty: none, one is trained per seed); null before. */
    private Optional<ClassifierFile.Loaded> fileClassifier;

    /** The feature classifier of one seed's report and its held-out accuracy. */
    private record Features(Classifier classifier, double accuracy) {
    }

    @Override
    public Integer call() throws Exception {
        if (seedCount < 1 || replicates < 1 || samples < 2 || budget < 1) {
            throw new IllegalArgumentException("--seeds and --bootstrap must be >= 1, --samples >= 2 and --budget >= 1, "
                    + "got " + seedCount + ", " + replicates + ", " + samples + " and " + budget);
        }
        if (seed > Long.MAX_VALUE - seedCount) {
            throw new IllegalArgumentException("--seed " + seed + " leaves no room for " + seedCount + " seeds");
        }
        Nd4jSetup.init();
        String presetName = preset != null ? preset : Presets.defaultFor(dataset);
        TrainingConfig cfg = Presets.get(presetName).withOverrides(overrides);
        Files.createDirectories(out);
        long start = System.nanoTime();
        List<Long> seeds = LongStream.range(seed, seed + seedCount).boxed().toList();
        List<MiniatureReport.Result> results = new ArrayList<>();
        List<Double> accuracies = new ArrayList<>();
        List<Double> minutesPerSeed = new ArrayList<>();
        List<Long> resumed = new ArrayList<>();
        String dataName = dataset;
        for (long s : seeds) {
            long seedStart = System.nanoTime();
            if (seedCount > 1) {
                System.err.println("seed " + s + " (" + (s - seed + 1) + " of " + seedCount + ")");
            }
            // each seed's report is exactly the single-seed report of that seed: its data and classifier too
            Dataset data = Datasets.load(dataset, dataDir, s);
            dataName = data.name();
            Features features = features(data, s);
            accuracies.add(features.accuracy());
            Path runs = seedCount == 1 ? out.resolve("runs") : out.resolve("runs").resolve("seed-" + s);
            Path resultFile = out.resolve("results").resolve("seed-" + s + ".json");
            Map<String, Object> settings = settings(presetName, cfg, s);
            Optional<MiniatureReport.Result> done = resume ? SeedResults.load(resultFile, settings) : Optional.empty();
            if (done.isPresent()) {
                System.err.println("seed " + s + ": finished by an earlier run, read from " + resultFile);
                results.add(done.get());
                resumed.add(s);
                minutesPerSeed.add(0.0);
            } else {
                MiniatureReport.Result result = new MiniatureReport(data, cfg, features.classifier(), budget, s,
                        samples, replicates, System.err::println).run((run, trainer) -> {
                            try {
                                RunStore.save(runs.resolve(run.name().replace(' ', '_').replace('=', '-')),
                                        trainer, dataDir, run.eval());
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        });
                SeedResults.save(resultFile, result, settings);
                results.add(result);
                minutesPerSeed.add((System.nanoTime() - seedStart) / 6e10);
            }
            // the seeds done so far are on disk, should a later seed fail
            writePerSeed(seeds.subList(0, results.size()), results);
        }
        double minutes = (System.nanoTime() - start) / 6e10;
        AcrossSeeds across = AcrossSeeds.of(seeds, results, replicates);
        write("methods_summary.csv", across.methods().csv());
        write("z_ablation_summary.csv", across.zAblation().csv());
        write("x_ablation_summary.csv", across.xAblation().csv());
        List<Orderings.Check> checks = Orderings.of(across);
        write("report.md", markdown(across, results, checks, accuracies, presetName, minutes, resumed));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("dataset", dataName);
        summary.put("budget", budget);
        summary.put("seed", seed);
        summary.put("seeds", seeds);
        summary.put("bootstrap", replicates);
        summary.put("classifier_accuracy", accuracies.get(0));
        summary.put("minutes", minutes);
        summary.put("minutes_per_seed", minutesPerSeed);
        summary.put("resumed_seeds", resumed);
        summary.put("orderings", checks.stream().map(ReportCommand::json).toList());
        summary.put("out", out.toString());
        System.out.println(Json.write(summary));
        return 0;
    }

    /** What a seed's stored result must have been made with to be reused by {@code --resume}. */
    private Map<String, Object> settings(String presetName, TrainingConfig cfg, long s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dataset", dataset);
        m.put("data", dataDir == null ? null : dataDir.toString());
        m.put("preset", presetName);
        m.put("config", cfg.values());
        m.put("budget", budget);
        m.put("seed", s);
        m.put("samples", samples);
        m.put("bootstrap", replicates);
        m.put("classifier", classifierFile == null ? null : classifierFile.toString());
        return m;
    }

    private Features features(Dataset data, long s) throws java.io.IOException {
        if (fileClassifier == null) {
            // the same file serves every seed: read (and checked) once
            fileClassifier = Optional.ofNullable(classifierFile != null ? ClassifierFile.load(classifierFile)
                    : ClassifierFile.bundled(data.name()).orElse(null));
        }
        ClassifierFile.Loaded bundled = fileClassifier.orElse(null);
        if (bundled != null) {
            return new Features(bundled.classifier(), bundled.testAccuracy());
        }
        System.err.println("no classifier bundled for " + data.name() + ": training one (5 epochs)");
        ClassifierTraining.Result r = ClassifierTraining.train(data, 5, s);
        return new Features(r.classifier(), r.testAccuracy());
    }

    private void writePerSeed(List<Long> seeds, List<MiniatureReport.Result> results) throws java.io.IOException {
        Map<String, Function<MiniatureReport.Result, Table>> tables = new LinkedHashMap<>();
        tables.put("methods.csv", MiniatureReport.Result::methods);
        tables.put("z_ablation.csv", MiniatureReport.Result::zAblation);
        tables.put("x_ablation.csv", MiniatureReport.Result::xAblation);
        for (Map.Entry<String, Function<MiniatureReport.Result, Table>> e : tables.entrySet()) {
            write(e.getKey(), AcrossSeeds.perSeed(seeds, results.stream().map(e.getValue()).toList()).csv());
        }
    }

    private static Map<String, Object> json(Orderings.Check c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("claim", c.claim());
        m.put("outcome", c.outcome().key());
        m.put("comparisons", c.comparisons().stream().map(p -> {
            Map<String, Object> cmp = new LinkedHashMap<>();
            cmp.put("lower", p.lowerName());
            cmp.put("lower_mean", p.lower().spread().mean());
            cmp.put("lower_interval", List.of(p.lower().interval().low(), p.lower().interval().high()));
            cmp.put("higher", p.higherName());
            cmp.put("higher_mean", p.higher().spread().mean());
            cmp.put("higher_interval", List.of(p.higher().interval().low(), p.higher().interval().high()));
            cmp.put("outcome", p.outcome().key());
            return cmp;
        }).toList());
        m.put("numbers", c.numbers());
        return m;
    }

    private void write(String name, String text) throws java.io.IOException {
        AtomicFiles.write(out.resolve(name), text.getBytes(StandardCharsets.UTF_8));
    }

    private String markdown(AcrossSeeds r, List<MiniatureReport.Result> perSeed, List<Orderings.Check> checks,
                            List<Double> accuracies, String presetName, double minutes, List<Long> resumed) {
        StringBuilder md = new StringBuilder("# Dual-MCMC teaching in miniature: ").append(dataset).append("\n\n");
        md.append("`dualmcmc ").append(String.join(" ", spec.commandLine().getParseResult().originalArgs()))
                .append("`  \n");
        String seedText = seedCount == 1 ? "seed " + seed : seedCount + " seeds (" + seed + " to " + (seed + seedCount - 1) + ")";
        String accuracy = accuracies.stream().distinct().map(a -> String.format(Locale.ROOT, "%.1f%%", 100 * a))
                .reduce((a, b) -> a + ", " + b).orElseThrow();
        md.append(String.format(Locale.ROOT, "Preset %s, %d iterations per run, %s, %d samples per "
                        + "figure, %.1f minutes in all (%s). FD: Frechet distance to the data in the features of a "
                        + "classifier with %s held-out accuracy (the paper's FID uses Inception). MSE: per-pixel "
                        + "reconstruction error of data (method's own z: inference mean + k_z steps, noise + k_z for "
                        + "models without inference).\n\n",
                presetName, budget, seedText, samples, minutes, Instant.now(), accuracy));
        if (!resumed.isEmpty()) {
            md.append("Seeds ").append(resumed.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElseThrow())
                    .append(" were finished by an earlier run with the same settings and read from results/; the "
                            + "minutes are this run's.\n\n");
        }
        md.append(String.format(Locale.ROOT, "Each cell: %s, then a basic 95%% interval from a hierarchical "
                        + "bootstrap (%d replicates; basic: mirrored about the mean, which undoes the upward bias of FDs on "
                        + "resampled rows): seeds drawn with replacement and, for each FD and each z-ablation MSE, one "
                        + "of that seed's %d bootstrap replicates over samples; the other figures are resampled over "
                        + "seeds only. Per-seed values: methods.csv, z_ablation.csv, x_ablation.csv; mean, sd, min, "
                        + "max and interval: *_summary.csv.\n\n",
                seedCount == 1 ? "the figure" : "mean ± sample standard deviation over seeds", replicates, replicates));
        for (Table t : List.of(r.methods(), r.zAblation(), r.xAblation())) {
            md.append("## ").append(t.title()).append("\n\n").append(t.markdown()).append('\n');
        }
        md.append("## The paper's orderings\n\n");
        md.append("A claim holds when the two intervals separate in the claimed direction, ties when they overlap, "
                + "fails when they separate the other way; a claim of several comparisons holds when all hold and "
                + "fails when any fails.\n\n");
        for (Orderings.Check c : checks) {
            md.append("- **").append(c.outcome().key()).append("**: ").append(c.claim());
            if (c.comparisons().size() == 1) {
                md.append(" (").append(c.numbers()).append(")\n");
            } else {
                md.append('\n');
                c.comparisons().forEach(p -> md.append("  - ").append(p).append('\n'));
            }
        }
        for (int i = 0; i < perSeed.size(); i++) {
            for (MiniatureReport.Run run : perSeed.get(i).runs()) {
                if (run.diverged() != null) {
                    md.append("\n").append(run.name()).append(" (seed ").append(seed + i).append(") stopped early: ")
                            .append(run.diverged()).append('\n');
                }
            }
        }
        return md.toString();
    }
}
