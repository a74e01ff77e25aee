package dualmcmc.engine.export;

import dualmcmc.engine.config.Presets;
import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.data.Dataset;
import dualmcmc.engine.data.Datasets;
import dualmcmc.engine.data.Pixels;
import dualmcmc.engine.data.SampleShape;
import dualmcmc.engine.train.TrainingSetup;
import dualmcmc.engine.util.Nd4jSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static dualmcmc.engine.export.GifFile.grey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SamplePngTest {
    static float[][] filled(int rows, int cols, float v) {
        float[][] a = new float[rows][cols];
        for (float[] r : a) {
            Arrays.fill(r, v);
        }
        return a;
    }

    /** Mean x of the pixels matching, or NaN when none do. */
    static double meanX(BufferedImage img, java.util.function.IntPredicate rgb) {
        double sx = 0;
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (rgb.test(img.getRGB(x, y) & 0xffffff)) {
                    sx += x;
                    n++;
                }
            }
        }
        return n == 0 ? Double.NaN : sx / n;
    }

    @Test
    void imageGridsFillTheRequestedSquareGeneratedLeftRevisedRight() {
        SampleShape digit = SampleShape.image(1, 8, 8);
        Dataset data = Dataset.ofImages("digits", digit, Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, 3, 64),
                null, List.of());
        for (int size : new int[]{256, 512}) {
            int n = SamplePng.samplesShown(data, size);
            assertTrue(n >= 16, size + " px shows " + n + " digits");
            BufferedImage img = SamplePng.samples(data, filled(n, 64, 0.5f), filled(n, 64, -0.5f), "digits", size);
            assertEquals(size, img.getWidth());
            assertEquals(size, img.getHeight());
            int generated = GifFile.count(img, grey(Pixels.level(0.5f)));
            int revised = GifFile.count(img, grey(Pixels.level(-0.5f)));
            // two grids of the same size (a few antialiased text pixels may share a grey)
            assertEquals(generated, revised, 0.01 * generated);
            // the grids cover most of each half: no tiny pictures lost in a large frame
            assertTrue(generated > 0.25 * size * size / 2, size + ": " + generated + " pixels of samples");
            assertTrue(meanX(img, c -> c == grey(Pixels.level(0.5f))) < size / 2.0);
            assertTrue(meanX(img, c -> c == grey(Pixels.level(-0.5f))) > size / 2.0);
        }
    }

    @Test
    void pointsAreScatteredOverTheDataOrangeThenBlue() {
        float[][] ring = new float[64][];
        for (int i = 0; i < ring.length; i++) {
            ring[i] = new float[]{(float) Math.cos(i * Math.PI / 32), (float) Math.sin(i * Math.PI / 32)};
        }
        Dataset data = new Dataset("ring", SampleShape.vector(2), Nd4j.createFromArray(ring), null, List.of(), null, 1);
        BufferedImage img = SamplePng.samples(data, ring, ring, "ring", 256);
        assertEquals(256, img.getWidth());
        assertEquals(256, img.getHeight());
        double orange = meanX(img, c -> (c >> 16 & 0xff) > 200 && (c & 0xff) < 120);
        double blue = meanX(img, c -> (c & 0xff) > 170 && (c >> 16 & 0xff) < 110);
        assertTrue(orange < 128 && blue > 128, "generator left (" + orange + "), revised right (" + blue + ")");
    }

    @Test
    void aThumbnailOfAModelIsWrittenAsAPngOfTheRequestedSize(@TempDir Path dir) throws Exception {
        Nd4jSetup.init();
        Dataset digits = Datasets.load("digits", null, 1);
        TrainingConfig cfg = Presets.get("digits8").withValue("width", 8);
        var setup = TrainingSetup.create(digits, cfg, 1);
        Path out = dir.resolve("thumb.png");
        SamplePng.write(out, SamplePng.samples(setup.models(), cfg, digits, "digits, untrained", 256, 3));
        BufferedImage back = ImageIO.read(out.toFile());
        assertEquals(256, back.getWidth());
        assertEquals(256, back.getHeight());
        assertThrows(IllegalArgumentException.class, () -> SamplePng.checkSize(64));
    }
}
