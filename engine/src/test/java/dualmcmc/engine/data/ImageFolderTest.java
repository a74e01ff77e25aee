package dualmcmc.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dualmcmc.engine.config.Presets;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderTest {

    private static final SampleShape RGB32 = SampleShape.image(3, 32, 32);
    private static final SampleShape GREY32 = SampleShape.image(1, 32, 32);
    private static final float EPS = 1e-4f;

    @TempDir
    Path dir;

    private interface Painter {
        int argb(int x, int y);
    }

    private static BufferedImage image(int width, int height, int type, Painter painter) {
        BufferedImage im = new BufferedImage(width, height, type);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                im.setRGB(x, y, painter.argb(x, y));
            }
        }
        return im;
    }

    private static BufferedImage rgba(int width, int height, Painter painter) {
        return image(width, height, BufferedImage.TYPE_INT_ARGB, painter);
    }

    private static int argb(int a, int r, int g, int b) {
        return a << 24 | r << 16 | g << 8 | b;
    }

    private Path write(String relative, BufferedImage image) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        String format = relative.substring(relative.lastIndexOf('.') + 1);
        assertTrue(ImageIO.write(image, format, p.toFile()), "no writer for " + format);
        return p;
    }

    private static float units(double intensity) {
        return (float) (intensity / 127.5 - 1);
    }

    /** Value of channel c at (y, x) of row {@code row}. */
    private static float at(Dataset d, int row, int c, int y, int x) {
        SampleShape s = d.shape();
        return d.x().getFloat(row, (c * s.height() + y) * s.width() + x);
    }

    private static void assertUniform(Dataset d, int row, double... intensities) {
        float[] values = d.x().getRow(row).toFloatVector();
        int area = d.shape().height() * d.shape().width();
        for (int i = 0; i < values.length; i++) {
            assertEquals(units(intensities[i / area]), values[i], EPS, "value " + i + " of row " + row);
        }
    }

    @Test
    void subfoldersBecomeClassesInNameOrderAndFilesLoadInPathOrder() throws IOException {
        write("zebra/a.png", rgba(8, 8, (x, y) -> argb(255, 0, 0, 255)));
        write("apple/c.png", rgba(8, 8, (x, y) -> argb(255, 0, 255, 0)));
        write("apple/b.png", rgba(8, 8, (x, y) -> argb(255, 255, 0, 0)));
        write("loose.png", rgba(8, 8, (x, y) -> 0));
        write(".thumbnails/t.png", rgba(8, 8, (x, y) -> 0));
        Files.writeString(dir.resolve("apple/notes.txt"), "not an image");

        Dataset d = ImageFolder.read("images", dir, RGB32);
        assertEquals(List.of("apple", "zebra"), d.classNames());
        assertArrayEquals(new int[] {0, 0, 1}, d.labels());
        assertUniform(d, 0, 255, 0, 0);
        assertUniform(d, 1, 0, 255, 0);
        assertUniform(d, 2, 0, 0, 255);
    }

    @Test
    void aFolderWithoutClassSubfoldersIsOneClassNamedAfterIt() throws IOException {
        Path emoji = dir.resolve("64");
        write("64/1f600.png", rgba(64, 64, (x, y) -> argb(255, 255, 0, 0)));
        write("64/1f601.png", rgba(64, 64, (x, y) -> argb(255, 0, 0, 0)));
        Dataset d = ImageFolder.read("images", emoji, RGB32);
        assertEquals(List.of("64"), d.classNames());
        assertArrayEquals(new int[] {0, 0}, d.labels());
        assertEquals(RGB32, d.shape());
        assertUniform(d, 0, 255, 0, 0);
        assertUniform(d, 1, 0, 0, 0);
    }

    @Test
    void transparencyIsCompositedOverWhite() throws IOException {
        // Left half: red at alpha 128; right half: fully transparent black, as emoji backgrounds are.
        write("icon.png", rgba(64, 64, (x, y) -> x < 32 ? argb(128, 255, 0, 0) : argb(0, 0, 0, 0)));
        Dataset d = ImageFolder.read("images", dir, RGB32);
        double blend = 255 * (1 - 128 / 255.0);  // 127: half of white shows through the green and blue
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                boolean left = x < 16;
                assertEquals(1f, at(d, 0, 0, y, x), EPS);
                assertEquals(left ? units(blend) : 1f, at(d, 0, 1, y, x), 1.01f / 127.5f);
                assertEquals(left ? units(blend) : 1f, at(d, 0, 2, y, x), 1.01f / 127.5f);
            }
        }
    }

    @Test
    void greyPicturesKeepTheirExactLevels() throws IOException {
        // Levels go into the raster directly: setRGB on a grey image converts through a linear grey
        // colour space and would store other bytes than the ones written.
        BufferedImage ramp = new BufferedImage(32, 32, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                ramp.getRaster().setSample(x, y, 0, x * 8);
            }
        }
        write("ramp.png", ramp);
        Dataset grey = ImageFolder.read("g", dir, GREY32);
        Dataset colour = ImageFolder.read("c", dir, RGB32);
        for (int x = 0; x < 32; x++) {
            assertEquals(units(x * 8), at(grey, 0, 0, 5, x), EPS, "column " + x);
            for (int c = 0; c < 3; c++) {
                assertEquals(units(x * 8), at(colour, 0, c, 5, x), EPS, "column " + x + " channel " + c);
            }
        }
    }

    @Test
    void colourBecomesGreyWithLumaWeights() throws IOException {
        write("a.png", rgba(16, 16, (x, y) -> argb(255, 255, 0, 0)));
        write("b.png", rgba(16, 16, (x, y) -> argb(255, 0, 255, 0)));
        write("c.png", rgba(16, 16, (x, y) -> argb(255, 0, 0, 255)));
        write("d.png", rgba(16, 16, (x, y) -> argb(255, 40, 120, 200)));
        Dataset d = ImageFolder.read("g", dir, SampleShape.image(1, 28, 28));
        assertUniform(d, 0, 0.299 * 255);
        assertUniform(d, 1, 0.587 * 255);
        assertUniform(d, 2, 0.114 * 255);
        assertUniform(d, 3, 0.299 * 40 + 0.587 * 120 + 0.114 * 200);
    }

    @Test
    void aUniformColourStaysThatColourAtAnySize() throws IOException {
        Painter teal = (x, y) -> argb(255, 10, 200, 90);
        write("a/wide.png", rgba(64, 48, teal));
        write("a/small.png", rgba(5, 7, teal));
        write("a/big.png", rgba(100, 100, teal));
        Dataset d = ImageFolder.read("images", dir, RGB32);
        for (int row = 0; row < 3; row++) {
            assertUniform(d, row, 10, 200, 90);
        }
    }

    @Test
    void shrinkingKeepsLeftDarkAndRightLightAndAveragesThinLines() throws IOException {
        write("a/halves.png", rgba(64, 64, (x, y) -> x < 32 ? argb(255, 0, 0, 0) : argb(255, 255, 255, 255)));
        // A one-pixel black line at column 33 of white: nearest-neighbour sampling would keep it whole
        // or lose it; averaging gives the 2x2 block it falls in exactly half grey.
        write("b/line.png", rgba(64, 64, (x, y) -> x == 33 ? argb(255, 0, 0, 0) : argb(255, 255, 255, 255)));
        Dataset d = ImageFolder.read("images", dir, RGB32);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                assertEquals(x < 16 ? -1f : 1f, at(d, 0, 1, y, x), EPS, "halves at (" + y + ", " + x + ")");
                assertEquals(x == 16 ? 0f : 1f, at(d, 1, 1, y, x), EPS, "line at (" + y + ", " + x + ")");
            }
        }
        Dataset odd = ImageFolder.read("images", dir, SampleShape.image(1, 28, 28));
        for (int x = 0; x < 28; x++) {
            float v = at(odd, 0, 0, 14, x);
            assertTrue(x < 14 ? v < -0.99f : v > 0.99f, "column " + x + " of the 28-wide halves: " + v);
        }
    }

    @Test
    void enlargingInterpolatesBetweenTheHalves() throws IOException {
        write("halves.png", rgba(16, 16, (x, y) -> x < 8 ? argb(255, 0, 0, 0) : argb(255, 255, 255, 255)));
        Dataset d = ImageFolder.read("images", dir, GREY32);
        float previous = -2f;
        for (int x = 0; x < 32; x++) {
            float v = at(d, 0, 0, 3, x);
            assertTrue(v >= previous, "monotone left to right");
            previous = v;
        }
        assertEquals(-1f, at(d, 0, 0, 3, 14), EPS);
        assertEquals(0f, (at(d, 0, 0, 3, 15) + at(d, 0, 0, 3, 16)) / 2, EPS);
        assertEquals(1f, at(d, 0, 0, 3, 17), EPS);
    }

    @Test
    void nonSquarePicturesAreCentreCropped() throws IOException {
        // 96x32: a black square in the middle third between red sides; the crop keeps only the square.
        write("wide.png", rgba(96, 32, (x, y) -> x >= 32 && x < 64 ? argb(255, 0, 0, 0) : argb(255, 255, 0, 0)));
        Dataset d = ImageFolder.read("images", dir, RGB32);
        assertUniform(d, 0, 0, 0, 0);
    }

    @Test
    void readsJpegBmpAndGifToo() throws IOException {
        Painter grey = (x, y) -> argb(255, 128, 128, 128);
        write("a.bmp", image(8, 8, BufferedImage.TYPE_INT_RGB, grey));
        write("b.gif", image(8, 8, BufferedImage.TYPE_INT_RGB, grey));
        write("c.jpg", image(8, 8, BufferedImage.TYPE_INT_RGB, grey));
        Dataset d = ImageFolder.read("images", dir, SampleShape.image(3, 8, 8));
        for (int row = 0; row < 3; row++) {
            for (float v : d.x().getRow(row).toFloatVector()) {
                assertEquals(units(128), v, 2.5f / 127.5f, "row " + row);
            }
        }
    }

    @Test
    void aFileThatIsNotAnImageIsRejectedByName() throws IOException {
        write("cats/ok.png", rgba(8, 8, (x, y) -> 0));
        byte[] noise = new byte[500];
        new Random(3).nextBytes(noise);
        Path corrupt = Files.write(dir.resolve("cats/broken.png"), noise);
        IOException e = assertThrows(IOException.class, () -> ImageFolder.read("images", dir, RGB32));
        assertTrue(e.getMessage().startsWith(corrupt + ": not a readable image"), e.getMessage());

        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(rgba(32, 32, (x, y) -> argb(255, x * 8, y * 8, 0)), "png", png);
        Files.write(corrupt, Arrays.copyOf(png.toByteArray(), 60));
        IOException cut = assertThrows(IOException.class, () -> ImageFolder.read("images", dir, RGB32));
        assertTrue(cut.getMessage().startsWith(corrupt + ": not a readable image"), cut.getMessage());
    }

    @Test
    void foldersWithoutImagesAreRejected() throws IOException {
        Files.createDirectories(dir.resolve("empty-class"));
        Files.writeString(dir.resolve("readme.txt"), "no pictures here");
        IOException e = assertThrows(IOException.class, () -> ImageFolder.read("images", dir, RGB32));
        assertTrue(e.getMessage().contains(dir.toString()) && e.getMessage().contains("no images found"),
                e.getMessage());
        IOException missing = assertThrows(IOException.class,
                () -> ImageFolder.read("images", dir.resolve("absent"), RGB32));
        assertTrue(missing.getMessage().contains("absent") && missing.getMessage().contains("not a folder"),
                missing.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ImageFolder.read("images", dir, SampleShape.image(2, 8, 8)));
    }

    @Test
    void aLimitKeepsEvenlySpacedPicturesSoEveryClassStays() throws IOException {
        for (int i = 0; i < 3; i++) {
            write("a/" + i + ".png", rgba(4, 4, (x, y) -> argb(255, 10, 10, 10)));
            write("b/" + i + ".png", rgba(4, 4, (x, y) -> argb(255, 200, 200, 200)));
        }
        ImageFolder.Listing all = ImageFolder.scan(dir);
        assertEquals(6, all.size());
        ImageFolder.Listing three = all.capped(3);
        assertEquals(List.of(all.files().get(0), all.files().get(2), all.files().get(4)), three.files());
        assertArrayEquals(new int[] {0, 0, 1}, three.labels());
        assertSame(all, all.capped(6));

        Dataset d = ImageFolder.read("images", dir, SampleShape.image(1, 4, 4), 2);
        assertArrayEquals(new int[] {0, 1}, d.labels());
        assertUniform(d, 1, 200);
    }

    @Test
    void loadsThroughDatasetsInColourAndInGrey() throws IOException {
        write("x/a.png", rgba(64, 64, (x, y) -> argb(255, 255, 0, 0)));
        write("y/b.png", rgba(64, 64, (x, y) -> argb(128, 0, 0, 0)));
        Dataset colour = Datasets.load("images", dir, 1);
        assertEquals("images", colour.name());
        assertEquals(Datasets.IMAGES_SHAPE, colour.shape());
        assertEquals(List.of("x", "y"), colour.classNames());
        Dataset grey = Datasets.load("images-gray", dir, 1);
        assertEquals("images-gray", grey.name());
        assertEquals(SampleShape.image(1, 28, 28), grey.shape());
        assertUniform(grey, 0, 0.299 * 255);
        assertEquals("image32", Presets.defaultFor("images"));
        assertEquals("image28", Presets.defaultFor("images-gray"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Datasets.load("images-gray", null, 1));
        assertTrue(e.getMessage().contains("folder") && e.getMessage().contains("1x28x28"), e.getMessage());
    }
}
