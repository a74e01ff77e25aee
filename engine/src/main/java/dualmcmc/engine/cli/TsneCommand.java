package dualmcmc.engine.cli;

import dualmcmc.engine.data.Dataset;
import dualmcmc.engine.data.Datasets;
import dualmcmc.engine.io.AtomicFiles;
import dualmcmc.engine.io.Json;
import dualmcmc.engine.io.Checkpoint;
import dualmcmc.engine.io.RunStore;
import dualmcmc.engine.tsne.LatentCodes;
import dualmcmc.engine.util.Nd4jSetup;
import dualmcmc.engine.tsne.BarnesHutTsne;
import dualmcmc.engine.tsne.EmbeddingInput;
import dualmcmc.engine.tsne.EmbeddingQuality;
import dualmcmc.engine.tsne.TsneConfig;
import dualmcmc.engine.tsne.TsneState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code tsne}: embeds a CSV or .npy file in 2-D with Barnes-Hut t-SNE and prints one JSON line
 * {@code {"n", "dim", "seconds", "kl", "knn_agreement"}}; "seconds" is the time of the t-SNE
 * itself (affinities + optimisation) measured inside the JVM, without start-up and file I/O.
 */
@Command(name = "tsne", mixinStandardHelpOptions = true,
        description = "Barnes-Hut t-SNE of a CSV (optional header, optional last column 'label') or .npy file, or of a trained run's latent codes.")
public final class TsneCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Either a file of points or the latent codes of a trained run. */
    static final class Source {
        @Option(names = "--input", required = true, paramLabel = "FILE", description = "CSV or .npy input")
        Path input;

        @Option(names = "--run", required = true, paramLabel = "DIR",
                description = "embed the inference model's latent means mu(x) of a trained run")
        Path run;
    }

    @picocli.CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--dataset", paramLabel = "NAME",
            description = "with --run: the data set whose latent codes to embed (default: the run's)")
    String dataset;

    @Option(names = "--n", paramLabel = "N", description = "embed a seeded random subset of N rows")
    Integer n;

    @Option(names = "--perplexity", paramLabel = "P", defaultValue = "30", description = "perplexity (default: ${DEFAULT-VALUE})")
    double perplexity;

    @Option(names = "--iterations", paramLabel = "I", defaultValue = "1000", description = "iterations (default: ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--theta", paramLabel = "T", defaultValue = "0.5", description = "Barnes-Hut angle (default: ${DEFAULT-VALUE})")
    double theta;

    @Option(names = "--threads", paramLabel = "K", defaultValue = "1", description = "gradient threads (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "write the map as CSV x,y[,label]")
    Path out;

    @Override
    public Integer call() throws IOException {
        TsneConfig config = TsneConfig.defaults().withPerplexity(perplexity).withIterations(iterations)
                .withTheta(theta).withSeed(seed).withThreads(threads);
        EmbeddingInput data = source.run != null ? latentCodes() : EmbeddingInput.read(source.input);
        if (dataset != null && source.run == null) {
            throw new IllegalArgumentException("--dataset goes with --run");
        }
        if (n != null) {
            if (n < 2) {
                throw new IllegalArgumentException("--n must be >= 2, got " + n);
            }
            if (n > data.size()) {
                throw new IllegalArgumentException("--n " + n + " exceeds the " + data.size() + " rows of "
                        + (source.input != null ? source.input : source.run));
            }
            data = data.subsample(n, seed);
        }
        if (out != null) {
            Path dir = out.toAbsolutePath().getParent();
            if (dir == null || !Files.isDirectory(dir)) {
                throw new IllegalArgumentException("output directory does not exist: " + dir);
            }
        }
        long t0 = System.nanoTime();
        BarnesHutTsne tsne = BarnesHutTsne.prepare(data.data(), config);
        TsneState state = tsne.run();
        double seconds = (System.nanoTime() - t0) / 1e9;

        double[][] map = state.embedding();
        Double agreement = data.hasLabels() ? EmbeddingQuality.knnAgreement(map, data.labelIds()) : null;
        if (out != null) {
            writeCsv(out, map, data.labels());
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("n", data.size());
        json.put("dim", data.dimension());
        json.put("seconds", seconds);
        json.put("kl", state.klDivergence());
        json.put("knn_agreement", agreement);
        PrintWriter pw = spec != null ? spec.commandLine().getOut() : new PrintWriter(System.out, true);
        pw.println(Json.write(json));
        pw.flush();
        return 0;
    }

    /** Latent means of the run's (or the named) data set, 2000 points unless --n says otherwise. */
    private EmbeddingInput latentCodes() throws IOException {
        Nd4jSetup.init();
        Checkpoint.Loaded run = RunStore.load(source.run);
        Dataset data = dataset == null ? run.data()
                : Datasets.load(dataset, run.dataDir() == null ? null : Path.of(run.dataDir()), run.seed());
        return LatentCodes.of(run.models(), data, n != null ? n : Math.min(2000, data.size()), seed);
    }

    /** Writes x,y[,label], atomically. */
    static void writeCsv(Path target, double[][] map, String[] labels) throws IOException {
        StringBuilder sb = new StringBuilder(map.length * 32);
        sb.append(labels != null ? "x,y,label\n" : "x,y\n");
        for (int i = 0; i < map.length; i++) {
            sb.append(map[i][0]).append(',').append(map[i][1]);
            if (labels != null) {
                sb.append(',').append(quote(labels[i]));
            }
            sb.append('\n');
        }
        AtomicFiles.write(target, sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.equals(s.trim())) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
