package dualmcmc.engine.cli;

import dualmcmc.engine.export.ChainGif;
import dualmcmc.engine.export.CsvExport;
import dualmcmc.engine.export.SamplePng;
import dualmcmc.engine.io.Checkpoint;
import dualmcmc.engine.io.Json;
import dualmcmc.engine.io.RunStore;
import dualmcmc.engine.mcmc.ChainInit;
import dualmcmc.engine.mcmc.ChainKind;
import dualmcmc.engine.mcmc.ChainRunner;
import dualmcmc.engine.mcmc.ChainTrace;
import dualmcmc.engine.util.Nd4jSetup;
import org.nd4j.linalg.indexing.NDArrayIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "export", description = "Export pictures and numbers of a run: a chain as an animated GIF, "
        + "a PNG of samples, CSV of a chain profile or of the training curves.",
        subcommands = {ExportCommand.Gif.class, ExportCommand.Png.class, ExportCommand.Profile.class,
                ExportCommand.Curves.class})
public final class ExportCommand implements Callable<Integer> {
    /** Image chains drawn in a GIF: an 8x8 grid; 2-D chains are all drawn. */
    static final int MAX_IMAGES_SHOWN = 64;

    @Override
    public Integer call() {
        throw new IllegalArgumentException("export needs what to export: gif, png, profile or curves");
    }

    /** Where from and where to, for every export. */
    static final class Target {
        @Mixin
        RunOptions runOptions;

        @Option(names = "--out", required = true, paramLabel = "FILE")
        Path out;

        Checkpoint.Loaded load() throws IOException {
            Nd4jSetup.init();
            return RunStore.load(runOptions.run);
        }
    }

    /** The chain options of the {@code chains} command, with dual-MCMC's own starts as defaults. */
    static final class ChainOptions {
        @Option(names = "--chain", required = true, description = "x or z")
        String chain;

        @Option(names = "--init", description = "generator | inference | noise (default: generator for x, inference for z)")
        String init;

        @Option(names = "--steps", description = "Langevin steps (default: the run's k_x or k_z)")
        Integer steps;

        @Option(names = "--chains", defaultValue = "64")
        int chains;

        @Option(names = "--seed", defaultValue = "0")
        long seed;

        ChainKind kind() {
            return ChainsCommand.parseKind("--chain", chain);
        }

        ChainInit start() {
            if (init != null) {
                return ChainInit.parse(init);
            }
            return kind() == ChainKind.X ? ChainInit.GENERATOR : ChainInit.INFERENCE;
        }

        ChainTrace run(Checkpoint.Loaded run, int recorded) {
            return ChainsCommand.run(run, kind(), start(), steps, chains, recorded, seed);
        }

        Map<String, Object> describe(Path out, ChainTrace t) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("out", out.toString());
            m.put("kind", t.kind().key());
            m.put("init", t.init().key());
            m.put("steps", t.steps());
            m.put("chains", t.chains());
            return m;
        }
    }

    @Command(name = "gif", description = "An x- or z-revision chain as a looping animated GIF, a frame every few steps.")
    static final class Gif implements Callable<Integer> {
        @Mixin
        Target target;

        @Mixin
        ChainOptions chain;

        @Option(names = "--every", defaultValue = "3", description = "A frame every K steps (and the last step)")
        int every;

        @Option(names = "--delay-ms", defaultValue = "120", description = "Frame delay (the last frame stays longer)")
        int delayMs;

        @Override
        public Integer call() throws Exception {
            ChainGif.Options options = ChainGif.Options.DEFAULT.withEvery(every).withDelayMs(delayMs);
            chain.start();
            Checkpoint.Loaded run = target.load();
            int shown = run.data().shape().isImage() ? Math.min(chain.chains, MAX_IMAGES_SHOWN) : chain.chains;
            ChainTrace trace = chain.run(run, shown);
            float[][] targets = trace.kind() == ChainKind.Z
                    ? ChainRunner.zObservations(run.data(), chain.chains, chain.seed)
                    .get(NDArrayIndex.interval(0, shown), NDArrayIndex.all()).toFloatMatrix()
                    : null;
            int frames = ChainGif.write(target.out, trace, run.data(), targets, options);
            Map<String, Object> out = chain.describe(target.out, trace);
            out.put("shown", shown);
            out.put("every", every);
            out.put("frames", frames);
            System.out.println(Json.write(out));
            return 0;
        }
    }

    @Command(name = "png", description = "A PNG of generator samples beside their x-revisions.")
    static final class Png implements Callable<Integer> {
        @Mixin
        Target target;

        @Option(names = "--what", defaultValue = "samples", description = "samples (generator vs revised)")
        String what;

        @Option(names = "--size", defaultValue = "512", description = "Width and height in pixels")
        int size;

        @Option(names = "--seed", defaultValue = "0")
        long seed;

        @Override
        public Integer call() throws Exception {
            if (!"samples".equals(what)) {
                throw new IllegalArgumentException("--what must be samples, got '" + what + "'");
            }
            SamplePng.checkSize(size);
            Checkpoint.Loaded run = target.load();
            String title = run.data().name() + ", iteration " + run.iteration();
            SamplePng.write(target.out, SamplePng.samples(run.models(), run.config(), run.data(), title, size, seed));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("out", target.out.toString());
            out.put("what", what);
            out.put("width", size);
            out.put("height", size);
            System.out.println(Json.write(out));
            return 0;
        }
    }

    @Command(name = "profile", description = "CSV of a chain's energy (x) or per-pixel MSE (z) per step: mean and per chain.")
    static final class Profile implements Callable<Integer> {
        @Mixin
        Target target;

        @Mixin
        ChainOptions chain;

        @Override
        public Integer call() throws Exception {
            chain.start();
            ChainTrace trace = chain.run(target.load(), 0);
            CsvExport.writeTrace(target.out, trace);
            Map<String, Object> out = chain.describe(target.out, trace);
            out.put("rows", trace.steps() + 1);
            System.out.println(Json.write(out));
            return 0;
        }
    }

    @Command(name = "curves", description = "CSV of a run's training curves (DIR/metrics.jsonl), with any logged evaluations.")
    static final class Curves implements Callable<Integer> {
        @Mixin
        Target target;

        @Override
        public Integer call() throws Exception {
            Path dir = target.runOptions.run;
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException(dir + " is not a run directory: a checkpoint file holds no training "
                        + "curves; pass the directory train --out wrote (it has metrics.jsonl)");
            }
            int rows = CsvExport.writeMetrics(dir.resolve("metrics.jsonl"), target.out);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("out", target.out.toString());
            out.put("rows", rows);
            System.out.println(Json.write(out));
            return 0;
        }
    }
}
