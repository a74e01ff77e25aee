package dualmcmc.engine.cli;

import dualmcmc.engine.config.Presets;
import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.data.Dataset;
import dualmcmc.engine.data.Datasets;
import dualmcmc.engine.io.AtomicFiles;
import dualmcmc.engine.io.Json;
import dualmcmc.engine.io.RunStore;
import dualmcmc.engine.metrics.Evaluation;
import dualmcmc.engine.train.DivergenceException;
import dualmcmc.engine.train.IterationStats;
import dualmcmc.engine.train.TrainingSetup;
import dualmcmc.engine.util.Nd4jSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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
    @Option(names = "--dataset", required = true, description = "One of: ${COMPLETION-CANDIDATES}",
            completionCandidates = DatasetNames.class)
    String dataset;

    @Option(names = "--data", paramLabel = "PATH", description = "Folder with full IDX files (fashion-mnist, mnist)")
    Path dataDir;

    @Option(names = "--preset", description = "Starting configuration (default: the data set's)")
    String preset;

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

    @Override
    public Integer call() throws Exception {
        if (iterations < 0 || logEvery < 1 || evalSamples < 1 || evalEvery < 0) {
            throw new IllegalArgumentException(
                    "--iterations and --eval-every must be >= 0, --log-every and --eval-samples >= 1");
        }
        Nd4jSetup.init();
        Dataset data = Datasets.load(dataset, dataDir, seed);
        String presetName = preset != null ? preset : Presets.defaultFor(dataset);
        TrainingConfig cfg = Presets.get(presetName).withOverrides(overrides);
        TrainingSetup setup = TrainingSetup.create(data, cfg, seed);
        Files.createDirectories(out);
        long start = System.nanoTime();
        String diverged = null;
        IterationStats last = null;
        try (BufferedWriter log = Files.newBufferedWriter(out.resolve("metrics.jsonl"), StandardCharsets.UTF_8)) {
            for (long i = 0; i < iterations; i++) {
                try {
                    last = setup.trainer().step();
                } catch (DivergenceException e) {
                    diverged = e.getMessage();
                    System.err.println(diverged);
                    break;
                }
                if (last.iteration() % logEvery == 0 || last.iteration() == iterations) {
                    Map<String, Object> line = statsMap(last);
                    if (evalEvery > 0 && last.iteration() % evalEvery == 0) {
                        line.put("eval", Evaluation.evaluate(setup.models(), cfg, data, evalSamples, seed));
                        System.err.println("eval " + Json.write(line.get("eval")));
                    }
                    log.write(Json.write(line));
                    log.newLine();
                    log.flush();
                    System.err.printf("iteration %d/%d  errE %.4g  errG %.4g  errI %.4g  E(data) %.4g  E(samples) %.4g  %.1f ms/it%n",
                            last.iteration(), iterations, last.errE(), last.errG(), last.errI(), last.energyData(),
                            last.energySamples(), last.seconds() * 1e3);
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long done = setup.trainer().iteration();
        Map<String, Object> eval = Evaluation.evaluate(setup.models(), cfg, data, evalSamples, seed);
        RunStore.save(out, data, dataDir, cfg, seed, done, setup.models(), eval);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("dataset", dataset);
        summary.put("preset", presetName);
        summary.put("seed", seed);
        summary.put("iterations", done);
        summary.put("seconds", seconds);
        summary.put("ms_per_iteration", done == 0 ? null : 1e3 * seconds / done);
        summary.put("final", last == null ? null : statsMap(last));
        summary.put("eval", eval);
        summary.put("diverged", diverged);
        summary.put("out", out.toString());
        String json = Json.write(summary);
        AtomicFiles.write(out.resolve("summary.json"), json.getBytes(StandardCharsets.UTF_8));
        System.out.println(json);
        return diverged == null ? 0 : 1;
    }

    static Map<String, Object> statsMap(IterationStats s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("iteration", s.iteration());
        m.put("epoch", s.epoch());
        m.put("errE", s.errE());
        m.put("errG", s.errG());
        m.put("errI", s.errI());
        m.put("energy_data", s.energyData());
        m.put("energy_samples", s.energySamples());
        m.put("seconds", s.seconds());
        return m;
    }
}
