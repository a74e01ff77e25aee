package dualmcmc.engine.export;

import dualmcmc.engine.data.Dataset;
import dualmcmc.engine.io.AtomicFiles;
import dualmcmc.engine.mcmc.ChainKind;
import dualmcmc.engine.mcmc.ChainTrace;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * An x- or z-revision chain as an animated GIF, the way the paper's Fig. 2 shows one: a frame
 * every few Langevin steps with the step and the mean energy (x) or reconstruction MSE (z) in a
 * caption. Images are a grid of the recorded chains (for z-chains their decodings g(z), beside the
 * observations when given); 2-D points are a scatter over the data set with short trails.
 */
public final class ChainGif {
    /** Smallest cell of an image grid: a 28x28 image is drawn at least twice its size. */
    static final int MIN_CELL_PX = 56;
    static final int SCATTER_SIDE = 400;
    static final int FONT_SIZE = 13;
    private static final int BACKGROUND_POINTS = 2000;

    /**
     * @param every       a frame every this many steps (step 0 and the last step always)
     * @param delayMs     display time of each frame
     * @param lastDelayMs display time of the last frame, so the end state can be read
     * @param trailSteps  for 2-D data, how many past steps each chain's trail covers (0: none)
     */
    public record Options(int every, int delayMs, int lastDelayMs, int trailSteps) {
        public static final Options DEFAULT = new Options(3, 120, 1200, 6);

        public Options {
            if (every < 1 || delayMs < 10 || lastDelayMs < 10 || trailSteps < 0) {
                throw new IllegalArgumentException("GIF options: every >= 1, delays >= 10 ms, trail >= 0; got every "
                        + every + ", delay " + delayMs + ", last " + lastDelayMs + ", trail " + trailSteps);
            }
        }

        public Options withEvery(int k) {
            return new Options(k, delayMs, lastDelayMs, trailSteps);
        }

        /** Frame delay d; the last frame stays max(d, 1.2 s). */
        public Options withDelayMs(int d) {
            return new Options(every, d, Math.max(d, 1200), trailSteps);
        }
    }

    private ChainGif() {
    }

    /** The steps that get a frame: 0, every, 2 every, ..., and the last step. */
    public static int[] frameSteps(int steps, int every) {
        if (steps < 0 || every < 1) {
            throw new IllegalArgumentException("steps must be >= 0 and every >= 1");
        }
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k < steps; k += every) {
            out.add(k);
        }
        out.add(steps);
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The two caption lines of the frame at {@code step}. */
    public static List<String> caption(ChainTrace trace, int step) {
        String title = trace.kind() == ChainKind.X ? "x-revision (EBM-guided Langevin)"
                : "z-revision (generator-guided Langevin)";
        String measure = trace.kind() == ChainKind.X ? "mean energy" : "mean MSE";
        return List.of(title + " from " + trace.init().key(),
                String.format(Locale.ROOT, "step %d/%d    %s = %.4g  (%d chains)", step, trace.steps(), measure,
                        trace.mean(step), trace.chains()));
    }

    /**
     * The frames, all of one size. {@code data} gives the sample shape (and, for 2-D data, the
     * faint background); {@code targets} are the observations of the recorded z-chains, or null.
     */
    public static List<BufferedImage> frames(ChainTrace trace, Dataset data, float[][] targets, Options o) {
        if (trace.recordedChains().length == 0) {
            throw new IllegalArgumentException("the trace has no recorded chains to draw");
        }
        ChainScene scene = ChainScene.of(trace, data, targets, o.trailSteps());
        Figure figure = new Figure(FONT_SIZE);
        int[] steps = frameSteps(trace.steps(), o.every());
        int w = 0;
        int h = 0;
        for (int k : steps) { // captions differ in width: size every frame to the widest
            Dimension d = figure.naturalSize(caption(trace, k), true, scene.parts(k));
            w = Math.max(w, d.width);
            h = Math.max(h, d.height);
        }
        List<BufferedImage> frames = new ArrayList<>();
        for (int k : steps) {
            double progress = trace.steps() == 0 ? 1 : k / (double) trace.steps();
            frames.add(figure.render(caption(trace, k), progress, scene.parts(k), w, h));
        }
        return frames;
    }

    public static byte[] encode(ChainTrace trace, Dataset data, float[][] targets, Options o) throws IOException {
        List<BufferedImage> frames = frames(trace, data, targets, o);
        int[] delays = new int[frames.size()];
        Arrays.fill(delays, o.delayMs());
        delays[delays.length - 1] = o.lastDelayMs();
        return GifWriter.encode(frames, delays);
    }

    /** Writes the GIF atomically; returns the number of frames. */
    public static int write(Path out, ChainTrace trace, Dataset data, float[][] targets, Options o) throws IOException {
        AtomicFiles.write(out, encode(trace, data, targets, o));
        return frameSteps(trace.steps(), o.every()).length;
    }

    /** What the frames of one trace show at a step: grids of pictures, or a scatter with fixed axes. */
    private interface ChainScene {
        List<Figure.Part> parts(int step);

        static ChainScene of(ChainTrace trace, Dataset data, float[][] targets, int trailSteps) {
            if (data.shape().isImage()) {
                ImageGrid grid = ImageGrid.forCount(data.shape(), trace.recordedChains().length, MIN_CELL_PX);
                if (trace.kind() == ChainKind.X) {
                    return k -> List.of(new Figure.Part("", grid.panel(shown(trace, k))));
                }
                if (targets == null) {
                    return k -> List.of(new Figure.Part("g(z)", grid.panel(shown(trace, k))));
                }
                Panel observed = grid.panel(targets);
                return k -> List.of(new Figure.Part("g(z)", grid.panel(shown(trace, k))),
                        new Figure.Part("observed x", observed));
            }
            float[][] background = data.subset(Math.min(BACKGROUND_POINTS, data.size()), 0).x().toFloatMatrix();
            Bounds bounds = Bounds.around(background, allShown(trace, targets), 0.06, 0.5);
            Scatter scatter = new Scatter(bounds, SCATTER_SIDE);
            Color color = Colours.chain(trace.kind(), trace.init());
            return k -> List.of(new Figure.Part("", scatter.panel(new Scatter.Layers(background, shown(trace, k), color,
                    trail(trace, k, trailSteps), targets))));
        }
    }

    /** The recorded chains' samples at a step: x itself, or the decoding g(z) of a z-chain. */
    static float[][] shown(ChainTrace trace, int step) {
        int n = trace.recordedChains().length;
        float[][] out = new float[n][];
        for (int r = 0; r < n; r++) {
            out[r] = trace.kind() == ChainKind.X ? trace.state(step, r) : trace.decoded(step, r);
        }
        return out;
    }

    private static float[][] allShown(ChainTrace trace, float[][] targets) {
        List<float[]> all = new ArrayList<>(targets == null ? List.of() : List.of(targets));
        for (int t = 0; t <= trace.steps(); t++) {
            all.addAll(List.of(shown(trace, t)));
        }
        return all.toArray(new float[0][]);
    }

    /**
     * Recent path of each recorded chain. Only x-chains get one: a z-chain's g(z) jumps with the
     * latent noise and its trail would scribble over the plot; its link to x tells its story.
     */
    private static float[][][] trail(ChainTrace trace, int step, int trailSteps) {
        if (trailSteps == 0 || step == 0 || trace.kind() == ChainKind.Z) {
            return null;
        }
        int from = Math.max(0, step - trailSteps);
        float[][][] out = new float[step - from + 1][][];
        for (int t = from; t <= step; t++) {
            out[t - from] = shown(trace, t);
        }
        return out;
    }
}
