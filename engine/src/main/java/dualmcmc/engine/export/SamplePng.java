package dualmcmc.engine.export;

import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.config.TrainingMode;
import dualmcmc.engine.data.Dataset;
import dualmcmc.engine.io.AtomicFiles;
import dualmcmc.engine.metrics.Evaluation;
import dualmcmc.engine.model.ModelSet;

import javax.imageio.ImageIO;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * A square PNG of a model's samples: generator samples g(z) beside their x-revisions, as image
 * grids or 2-D scatters over the data, under a title. Sized for anything from a 256 px gallery
 * thumbnail to a full picture; drawn with the same grid and scatter code as the chain GIFs.
 */
public final class SamplePng {
    static final String GENERATED_LABEL = "generator g(z)";
    static final String REVISED_LABEL = "after x-revision";
    private static final int MIN_SIZE = 128;

    private SamplePng() {
    }

    /** Draws fresh samples of the models (seeded) and renders them; see {@link #samples(Dataset, float[][], float[][], String, int)}. */
    public static BufferedImage samples(ModelSet models, TrainingConfig cfg, Dataset data, String title, int size,
                                        long seed) {
        Evaluation.SamplePair pair = Evaluation.samples(models, cfg, samplesShown(data, size), seed);
        // the baselines lack a model: say where a short-run EBM's chains start, and that ABP has no EBM
        TrainingMode mode = TrainingMode.of(cfg.mode());
        return render(data, pair.generated().toFloatMatrix(), pair.revised().toFloatMatrix(), title, size,
                mode.samplesFromNoise() ? "noise x_0" : GENERATED_LABEL,
                mode.trainsEbm() ? REVISED_LABEL : "not revised (no EBM)");
    }

    /** How many samples a picture of this size shows for this data set (a full grid, or a dense scatter). */
    public static int samplesShown(Dataset data, int size) {
        checkSize(size);
        return data.shape().isImage() ? grid(data, size).capacity() : Math.max(300, Math.min(1500, 2 * size));
    }

    /**
     * Renders {@code generated} beside {@code revised} (rows in model units, same order) as a
     * {@code size x size} picture; image grids show as many as fit.
     */
    public static BufferedImage samples(Dataset data, float[][] generated, float[][] revised, String title, int size) {
        return render(data, generated, revised, title, size, GENERATED_LABEL, REVISED_LABEL);
    }

    private static BufferedImage render(Dataset data, float[][] generated, float[][] revised, String title, int size,
                                        String generatedLabel, String revisedLabel) {
        checkSize(size);
        Figure figure = new Figure(fontSize(size));
        List<Panel> panels;
        if (data.shape().isImage()) {
            ImageGrid g = grid(data, size);
            panels = List.of(g.panel(generated), g.panel(revised));
        } else {
            Dimension box = figure.panelBox(size, size, 1, 2, true);
            float[][] background = data.subset(Math.min(2000, data.size()), 0).x().toFloatMatrix();
            float[][] both = Stream.of(generated, revised).flatMap(Arrays::stream).toArray(float[][]::new);
            Scatter s = new Scatter(Bounds.around(background, both, 0.06, 0.3), Math.min(box.width, box.height));
            panels = List.of(s.panel(Scatter.Layers.of(background, generated, Colours.GENERATED)),
                    s.panel(Scatter.Layers.of(background, revised, Colours.REVISED)));
        }
        return figure.render(List.of(title), Double.NaN, List.of(new Figure.Part(generatedLabel, panels.get(0)),
                new Figure.Part(revisedLabel, panels.get(1))), size, size);
    }

    private static ImageGrid grid(Dataset data, int size) {
        Dimension box = new Figure(fontSize(size)).panelBox(size, size, 1, 2, true);
        return ImageGrid.fitting(data.shape(), box.width, box.height, 4);
    }

    /** Text that stays readable in a 256 px thumbnail and in proportion in a large picture. */
    static int fontSize(int size) {
        return Math.max(10, size / 28);
    }

    /** Refuses a picture size outside 128..8192 px. */
    public static void checkSize(int size) {
        if (size < MIN_SIZE || size > 8192) {
            throw new IllegalArgumentException("picture size must be in " + MIN_SIZE + "..8192 px, got " + size);
        }
    }

    public static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (!ImageIO.write(img, "png", bytes)) {
            throw new IllegalStateException("no PNG writer in this Java runtime");
        }
        return bytes.toByteArray();
    }

    /** Writes any picture as a PNG, atomically. */
    public static void write(Path out, BufferedImage img) throws IOException {
        AtomicFiles.write(out, png(img));
    }
}
