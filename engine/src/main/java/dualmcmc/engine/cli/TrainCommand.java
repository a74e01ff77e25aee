package dualmcmc.engine.cli;

import dualmcmc.engine.config.Presets;
import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.data.Dataset;
import dualmcmc.engine.data.Datasets;
import dualmcmc.engine.io.AtomicFiles;
import dualmcmc.engine.io.Autosaver;
import dualmcmc.engine.io.Checkpoint;
import dualmcmc.engine.io.Json;
import dualmcmc.engine.io.RunStore;
import dualmcmc.engine.metrics.Evaluation;
import dualmcmc.engine.train.DivergenceException;
import dualmcmc.engine.train.DualMcmcTrainer;
import dualmcmc.engine.progress.IterationStats;
import dualmcmc.engine.train.TrainingSetup;
import dualmcmc.engine.util.Nd4jSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "train", description = "Train the EBM, generator and inference model by dual-MCMC teaching.")
public final class TrainCommand implements Callable<Integer> {
    @Option(names = "--dataset", description = "One of: ${COMPLETION-CANDIDATES} (required unless --resume)",
            completionCandidates = DatasetNames.class)
    String dataset;

    @Option(names = "--resume", paramLabel = "FILE",
            description = "Continue a checkpoint (its data set, seed and state) for --iterations more")
    Path resume;

    @Option(names = "--data", paramLabel = "PATH", description = "Data to import: a folder with the full IDX"
            + " files (fashion-mnist, mnist); the CIFAR-10 binary version, its folder or one .bin batch (cifar10);"
            + " a folder of PNG/JPEG/GIF/BMP pictures, one subfolder per class or all in one (images, images-gray)")
    Path dataDir;

    @Option(names = "--preset", description = "Starting configuration (default: the data set's)")
    String preset;

    @Option(names = "--mode", paramLabel = "MODE",
            description = "dual-mcmc (default), inference-only, cooperative, short-run or abp (same as --set mode=MODE)")
    String mode;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a setting, e.g. --set x_step=0.1")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--iterations", required = true)
    long iterations;

    @Option(names = "--seed", defaultValue = "0")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR")
    Path out;

    @Option(names = "--log-every", defaultValue = "10", description = "Write metrics every K iterations")
    int logEvery;

    @Option(names = "--eval-samples", defaultValue = "2500", description = "Samples for the final evaluation")
    int evalSamples;

    @Option(names = "--eval-every", defaultValue = "0",
            description = "Also evaluate every K iterations into metrics.jsonl (0: only at the end)")
    int evalEvery;

    @Option(names = "--autosave-every", defaultValue = "0", paramLabel = "N",
            description = "Also save DIR/autosave/autosave-<iteration>.dmcx every N iterations (0: off)")
    int autosaveEvery;

    @Option(names = "--autosave-keep", defaultValue = "3", paramLabel = "K", description = "Autosaves kept (newest)")
    int autosaveKeep;

    @Option(names = "--threads", paramLabel = "N", description = "Training threads: the blocks of each batch run"
            + " in parallel (default: every core); the numbers are the same on any number")
    Integer threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (threads != null && threads < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
        }
        if (iterations < 0 || logEvery < 1 || evalSamples < 1 || evalEvery < 0 || autosaveEvery < 0
                || autosaveKeep < 1) {
            throw new IllegalArgumentException("--iterations, --eval-every and --autosave-every must be >= 0, "
                    + "--log-every, --eval-samples and --autosave-keep >= 1");
        }
        Nd4jSetup.init();
        Dataset data;
        String presetName;
        TrainingConfig cfg;
        DualMcmcTrainer trainer;
        if (resume != null) {
            if (dataset != null || preset != null || dataDir != null) {
                throw new IllegalArgumentException("--resume continues the checkpoint's data set and preset; "
                        + "drop --dataset, --preset and --data");
            }
            Checkpoint.Loaded loaded = Checkpoint.load(resume);
            data = loaded.data();
            dataDir = loaded.dataDir() == null ? null : Path.of(loaded.dataDir());
            presetName = "resumed";
            cfg = loaded.config().withOverrides(withMode(overrides));
            trainer = loaded.trainer().withConfig(cfg);
            seed = loaded.seed();
        } else {
            if (dataset == null) {
                throw new IllegalArgumentException("--dataset is required (or --resume FILE)");
            }
            data = Datasets.load(dataset, dataDir, seed);
            presetName = preset != null ? preset : Presets.defaultFor(dataset);
            cfg = Presets.get(presetName).withOverrides(withMode(overrides));
            trainer = TrainingSetup.create(data, cfg, seed).trainer();
        }
        trainer = trainer.withThreads(threads == null ? Runtime.getRuntime().availableProcessors() : threads);
        long target = trainer.iteration() + iterations;
        Files.createDirectories(out);
        Autosaver autosaver = autosaveEvery == 0 ? null : new Autosaver(trainer, dataDir, out.resolve("autosave"),
                autosaveEvery, autosaveKeep, new Autosaver.Listener() {
                    @Override
                    public void saved(Path file) {
                        System.err.println("autosaved " + file);
                    }

                    @Override
                    public void failed(String message) {
                        System.err.println(message);
                    }
                });
        long start = System.nanoTime();
        String diverged = null;
        IterationStats last = null;
        java.nio.file.OpenOption[] append = resume != null
                ? new java.nio.file.OpenOption[]{java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND}
                : new java.nio.file.OpenOption[0];
        try (BufferedWriter log = Files.newBufferedWriter(out.resolve("metrics.jsonl"), StandardCharsets.UTF_8, append)) {
            while (trainer.iteration() < target) {
                try {
                    last = trainer.step();
                } catch (DivergenceException e) {
                    diverged = e.getMessage();
                    System.err.println(diverged);
                    break;
                }
                if (autosaver != null) {
                    autosaver.iterationDone(last);
                }
                if (last.iteration() % logEvery == 0 || last.iteration() == target) {
                    Map<String, Object> line = last.toMap();
                    if (evalEvery > 0 && last.iteration() % evalEvery == 0) {
                        line.put("eval", Evaluation.evaluate(trainer.models(), cfg, data, evalSamples, seed));
                        System.err.println("eval " + Json.write(line.get("eval")));
                    }
                    log.write(Json.write(line));
                    log.newLine();
                    log.flush();
                    System.err.printf("iteration %d/%d  errE %.4g  errG %.4g  errI %.4g  E(data) %.4g  E(samples) %.4g  %.1f ms/it%n",
                            last.iteration(), target, last.errE(), last.errG(), last.errI(), last.energyData(),
                            last.energySamples(), last.seconds() * 1e3);
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long done = trainer.iteration();
        Map<String, Object> eval = Evaluation.evaluate(trainer.models(), cfg, data, evalSamples, seed);
        RunStore.save(out, trainer, dataDir, eval, Map.of("recipe", recipe(seconds)));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("dataset", data.name());
        summary.put("preset", presetName);
        summary.put("seed", seed);
        summary.put("iterations", done);
        summary.put("seconds", seconds);
        summary.put("ms_per_iteration", iterations == 0 ? null : 1e3 * seconds / iterations);
        summary.put("threads", trainer.threadsInUse());
        summary.put("final", last == null ? null : last.toMap());
        summary.put("eval", eval);
        summary.put("diverged", diverged);
        summary.put("out", out.toString());
        String json = Json.write(summary);
        AtomicFiles.write(out.resolve("summary.json"), json.getBytes(StandardCharsets.UTF_8));
        System.out.println(json);
        return diverged == null ? 0 : 1;
    }

    private List<String> withMode(List<String> sets) {
        List<String> all = new ArrayList<>(sets);
        if (mode != null) {
            all.add("mode=" + mode);
        }
        return all;
    }

    /** How this checkpoint was made, so a bundled model can be retrained and its cost judged. */
    private Map<String, Object> recipe(double seconds) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("command", "dualmcmc " + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
        r.put("iterations", iterations);
        r.put("seconds", seconds);
        r.put("machine", Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.arch")
                + ", Java " + System.getProperty("java.version"));
        return r;
    }
}
