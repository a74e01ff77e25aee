package dualmcmc.engine.export;

import dualmcmc.engine.data.Dataset;
import dualmcmc.engine.data.Pixels;
import dualmcmc.engine.data.SampleShape;
import dualmcmc.engine.mcmc.ChainInit;
import dualmcmc.engine.mcmc.ChainKind;
import dualmcmc.engine.mcmc.ChainTrace;
import dualmcmc.engine.mcmc.Traces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static dualmcmc.engine.export.GifFile.count;
import static dualmcmc.engine.export.GifFile.grey;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChainGifTest {
    static final SampleShape DIGIT = SampleShape.image(1, 8, 8);
    static final int K = 6;

    /** Chain 0's image is uniformly v(t) at step t; each step's level appears nowhere else. */
    static float v(int t) {
        return -0.9f + 1.8f * t / K;
    }

    static float[] filled(int n, float value) {
        float[] a = new float[n];
        Arrays.fill(a, value);
        return a;
    }

    /** A fixed pattern: +1 where row + column is even, -1 elsewhere. */
    static float[] checkerboard() {
        float[] a = new float[64];
        for (int i = 0; i < 64; i++) {
            a[i] = (i / 8 + i % 8) % 2 == 0 ? 1f : -1f;
        }
        return a;
    }

    static Dataset images(SampleShape shape) {
        return Dataset.ofImages("test", shape, Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, 4, shape.size()),
                null, List.of());
    }

    /** Three recorded chains of 8x8 pictures: v(t) everywhere, a checkerboard, halves at -0.5 / 0.5. */
    static ChainTrace greyTrace(ChainKind kind) {
        double[][] values = new double[K + 1][];
        float[][][] states = new float[K + 1][][];
        float[] halves = new float[64];
        for (int i = 0; i < 64; i++) {
            halves[i] = i % 8 < 4 ? -0.5f : 0.5f;
        }
        for (int t = 0; t <= K; t++) {
            values[t] = new double[]{10 - t, 12 - t, 14 - t, 16 - t};
            states[t] = new float[][]{filled(64, v(t)), checkerboard(), halves};
        }
        return kind == ChainKind.X ? Traces.of(kind, ChainInit.GENERATOR, values, states, null)
                : Traces.of(kind, ChainInit.INFERENCE, values, new float[K + 1][3][2], states);
    }

    @Test
    void framesAreStepZeroEveryKthStepAndTheLast() {
        assertArrayEquals(new int[]{0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30}, ChainGif.frameSteps(30, 3));
        assertArrayEquals(new int[]{0, 3, 6, 9, 10}, ChainGif.frameSteps(10, 3));
        assertArrayEquals(new int[]{0, 2}, ChainGif.frameSteps(2, 5));
        assertArrayEquals(new int[]{0}, ChainGif.frameSteps(0, 3));
        assertThrows(IllegalArgumentException.class, () -> ChainGif.frameSteps(5, 0));
    }

    @Test
    void aGifOfAnImageChainLoopsShowsEachFramesStatesAndHoldsTheLastFrame() throws Exception {
        ChainTrace trace = greyTrace(ChainKind.X);
        ChainGif.Options o = ChainGif.Options.DEFAULT.withEvery(2).withDelayMs(80);
        GifFile gif = GifFile.read(ChainGif.encode(trace, images(DIGIT), null, o));
        int[] steps = {0, 2, 4, 6};
        assertEquals(steps.length, gif.frames().size());
        assertEquals(0, gif.loopCount(), "NETSCAPE2.0 extension, loop forever");
        for (int f = 0; f < steps.length; f++) {
            BufferedImage frame = gif.frames().get(f);
            assertEquals(gif.frames().get(0).getWidth(), frame.getWidth(), "all frames one size");
            assertEquals(gif.frames().get(0).getHeight(), frame.getHeight(), "all frames one size");
            assertEquals(f == steps.length - 1 ? 1200 : 80, gif.delayMs(f));
            // a 8x8 image drawn 7x: chain 0 fills a 56x56 block with its step's grey, exactly
            for (int k : steps) {
                int n = count(frame, grey(Pixels.level(v(k))));
                assertTrue(k == steps[f] ? n >= 56 * 56 : n < 56 * 56,
                        "frame of step " + steps[f] + " has " + n + " pixels of the grey of step " + k);
            }
        }
        // the cell right of chain 0 holds the checkerboard, each source pixel a 7x7 block
        BufferedImage first = gif.frames().get(0);
        int[] at = blockOf(first, grey(Pixels.level(v(0))), 56);
        int x0 = at[0] + 56 + ImageGrid.GAP;
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 8; j++) {
                int expected = (i + j) % 2 == 0 ? 255 : 0;
                for (int[] d : new int[][]{{0, 0}, {6, 6}, {3, 2}}) {
                    assertEquals(grey(expected), first.getRGB(x0 + 7 * j + d[0], at[1] + 7 * i + d[1]) & 0xffffff,
                            "checkerboard pixel " + i + "," + j);
                }
            }
        }
    }

    /** Top-left corner of the first side x side square of one colour. */
    static int[] blockOf(BufferedImage img, int rgb, int side) {
        for (int y = 0; y + side <= img.getHeight(); y++) {
            for (int x = 0; x + side <= img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xffffff) == rgb && (img.getRGB(x + side - 1, y + side - 1) & 0xffffff) == rgb
                        && (img.getRGB(x + side - 1, y) & 0xffffff) == rgb) {
                    return new int[]{x, y};
                }
            }
        }
        throw new AssertionError("no " + side + "-pixel block of " + Integer.toHexString(rgb));
    }

    @Test
    void rgbImagesAreChannelMajor() throws Exception {
        SampleShape rgb = SampleShape.image(3, 2, 2);
        // pixel (0,0) red, (0,1) green, (1,0) blue, (1,1) mid grey: planes R, G, B one after the other
        float[] img = {1, -1, -1, 0, -1, 1, -1, 0, -1, -1, 1, 0};
        ChainTrace trace = Traces.of(ChainKind.X, ChainInit.NOISE, new double[][]{{1}, {0}},
                new float[][][]{{img}, {img}}, null);
        BufferedImage frame = ChainGif.frames(trace, images(rgb), null, ChainGif.Options.DEFAULT).get(0);
        int cell = 28 * 28; // a 2x2 image drawn at least 56 px wide: 28x per pixel
        for (int colour : new int[]{0xff0000, 0x00ff00, 0x0000ff, 0x808080}) {
            assertTrue(count(frame, colour) >= cell, Integer.toHexString(colour));
        }
        assertEquals(2, GifFile.read(ChainGif.encode(trace, images(rgb), null, ChainGif.Options.DEFAULT))
                .frames().size(), "steps 0 and 1");
    }

    @Test
    void zChainsShowTheirDecodingsBesideTheObservations() throws Exception {
        ChainTrace trace = greyTrace(ChainKind.Z);
        float[][] observed = {filled(64, 0.2f), filled(64, 0.2f), filled(64, 0.2f)};
        List<BufferedImage> withTargets = ChainGif.frames(trace, images(DIGIT), observed, ChainGif.Options.DEFAULT);
        List<BufferedImage> alone = ChainGif.frames(trace, images(DIGIT), null, ChainGif.Options.DEFAULT);
        assertEquals(ChainGif.frameSteps(K, 3).length, withTargets.size());
        for (int f = 0; f < withTargets.size(); f++) {
            assertTrue(count(withTargets.get(f), grey(Pixels.level(0.2f))) >= 3 * 56 * 56, "observations in frame " + f);
            assertTrue(count(alone.get(f), grey(Pixels.level(0.2f))) < 56 * 56, "no observations given");
            int k = ChainGif.frameSteps(K, 3)[f];
            assertTrue(count(alone.get(f), grey(Pixels.level(v(k)))) >= 56 * 56, "g(z) of step " + k);
        }
    }

    @Test
    void captionsNameTheRevisionStepAndMeanWhateverTheLocale() {
        Locale old = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            List<String> x = ChainGif.caption(greyTrace(ChainKind.X), 2);
            assertEquals("x-revision (EBM-guided Langevin) from generator", x.get(0));
            assertEquals("step 2/6    mean energy = 11.00  (4 chains)", x.get(1));
            List<String> z = ChainGif.caption(greyTrace(ChainKind.Z), 6);
            assertTrue(z.get(0).startsWith("z-revision") && z.get(1).startsWith("step 6/6    mean MSE = 7.000"), z.toString());
        } finally {
            Locale.setDefault(old);
        }
    }

    @Test
    void pointChainsMoveAcrossFixedAxesOverTheData() throws Exception {
        // 5 chains walk from x = -1 to x = +1 at heights -0.4..0.4, over data on the unit square
        int steps = 8;
        float[][][] states = new float[steps + 1][5][];
        double[][] values = new double[steps + 1][5];
        for (int t = 0; t <= steps; t++) {
            for (int c = 0; c < 5; c++) {
                states[t][c] = new float[]{-1f + 2f * t / steps, -0.4f + 0.2f * c};
            }
        }
        float[][] data = new float[200][];
        for (int i = 0; i < data.length; i++) {
            data[i] = new float[]{(i % 20) / 10f - 1f, (i / 20) / 5f - 1f};
        }
        Dataset points = new Dataset("grid", SampleShape.vector(2), Nd4j.createFromArray(data), null, List.of(), null, 1);
        ChainTrace trace = Traces.of(ChainKind.X, ChainInit.GENERATOR, values, states, null);
        GifFile gif = GifFile.read(ChainGif.encode(trace, points, null, ChainGif.Options.DEFAULT.withEvery(4)));
        assertEquals(3, gif.frames().size());
        BufferedImage first = gif.frames().get(0);
        assertTrue(first.getWidth() >= ChainGif.SCATTER_SIDE && first.getHeight() > ChainGif.SCATTER_SIDE);
        double[] start = blueCentroid(first);
        double[] end = blueCentroid(gif.frames().get(2));
        double travelled = end[0] - start[0];
        // the window spans the data's 2 units plus margins: 2 units of travel are most of its width
        assertTrue(travelled > 0.7 * ChainGif.SCATTER_SIDE && travelled < ChainGif.SCATTER_SIDE, "moved " + travelled);
        assertEquals(start[1], end[1], 3, "moved sideways only");
    }

    /** Centre of the clearly blue pixels (the chains' colour, after GIF quantisation). */
    static double[] blueCentroid(BufferedImage img) {
        double sx = 0;
        double sy = 0;
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int c = img.getRGB(x, y);
                int r = c >> 16 & 0xff;
                int b = c & 0xff;
                if (b > 150 && r < 110) {
                    sx += x;
                    sy += y;
                    n++;
                }
            }
        }
        assertTrue(n > 20, "chains drawn");
        return new double[]{sx / n, sy / n};
    }

    @Test
    void writingIsAtomicAndReportsTheFrames(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("chain.gif");
        Files.writeString(out, "old");
        assertEquals(3, ChainGif.write(out, greyTrace(ChainKind.X), images(DIGIT), null, ChainGif.Options.DEFAULT));
        assertEquals(3, GifFile.read(Files.readAllBytes(out)).frames().size());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(out), files.toList(), "no temporary files left");
        }
        assertThrows(IllegalArgumentException.class, () -> new ChainGif.Options(0, 120, 1200, 0));
    }
}
