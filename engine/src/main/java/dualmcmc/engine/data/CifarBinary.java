package dualmcmc.engine.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Reader for the "CIFAR-10 binary version": batch files of records of 1 label byte (0..9) and
 * 3072 pixel bytes, the 1024 red values of the 32x32 image row by row, then the green, then the
 * blue. That is already the channel-major (C, H, W) layout the networks use, so a record's pixels
 * become a data row in the same order.
 *
 * <p>The data are in no package reachable here: users import the files they have, so every error
 * names the file and says what is wrong with it.
 */
public final class CifarBinary {

    public static final String NAME = "cifar10";
    public static final SampleShape SHAPE = SampleShape.image(3, 32, 32);
    public static final int RECORD_BYTES = 1 + SHAPE.size();
    /** The folder inside the official archive, cifar-10-binary.tar.gz. */
    public static final String FOLDER = "cifar-10-batches-bin";
    public static final List<String> TRAIN_BATCHES =
            IntStream.rangeClosed(1, 5).mapToObj(i -> "data_batch_" + i + ".bin").toList();
    public static final String TEST_BATCH = "test_batch.bin";
    public static final String META = "batches.meta.txt";
    public static final List<String> CLASS_NAMES = List.of("airplane", "automobile", "bird", "cat", "deer", "dog",
            "frog", "horse", "ship", "truck");

    /** CIFAR-100's records carry a coarse and a fine label byte; recognising them gives a better message. */
    private static final int CIFAR100_RECORD_BYTES = RECORD_BYTES + 1;

    private CifarBinary() {
    }

    /**
     * Reads the training batches of {@code fileOrFolder} (a folder holding the batches, a folder
     * holding {@value #FOLDER}, or one .bin file): the data_batch files that are present, else
     * test_batch.bin, else every .bin file of the folder in name order.
     */
    public static Dataset read(Path fileOrFolder) throws IOException {
        List<Path> files = batchFiles(fileOrFolder);
        long records = 0;
        for (Path f : files) {
            records += recordCount(f);
        }
        if (records > Integer.MAX_VALUE) {
            throw new IOException(fileOrFolder + ": " + records + " records are too many to load at once");
        }
        RowWriter rows = new RowWriter(records, SHAPE.size());
        int[] labels = new int[(int) records];
        int next = 0;
        for (Path f : files) {
            next = readRecords(f, rows, labels, next);
        }
        return Dataset.ofImages(NAME, SHAPE, rows.finish(), labels, classNames(files.get(0).getParent()));
    }

    /** The batch files {@link #read(Path)} would load, in load order. */
    public static List<Path> batchFiles(Path fileOrFolder) throws IOException {
        if (Files.isRegularFile(fileOrFolder)) {
            return List.of(fileOrFolder);
        }
        if (!Files.isDirectory(fileOrFolder)) {
            throw new IOException(fileOrFolder + " does not exist (expected a CIFAR-10 .bin batch or a folder of"
                    + " them)");
        }
        Path dir = Files.isDirectory(fileOrFolder.resolve(FOLDER)) ? fileOrFolder.resolve(FOLDER) : fileOrFolder;
        List<Path> train = TRAIN_BATCHES.stream().map(dir::resolve).filter(Files::isRegularFile).toList();
        if (!train.isEmpty()) {
            return train;
        }
        if (Files.isRegularFile(dir.resolve(TEST_BATCH))) {
            return List.of(dir.resolve(TEST_BATCH));
        }
        List<Path> any;
        try (Stream<Path> listing = Files.list(dir)) {
            any = listing.filter(p -> p.getFileName().toString().endsWith(".bin") && Files.isRegularFile(p))
                    .sorted().toList();
        }
        if (any.isEmpty()) {
            throw new IOException(dir + ": no .bin file in this folder; the CIFAR-10 binary version holds "
                    + String.join(", ", TRAIN_BATCHES) + " and " + TEST_BATCH + " in " + FOLDER + "/");
        }
        return any;
    }

    /** Class names from {@value #META} next to the batches when there is one, else the standard ten. */
    static List<String> classNames(Path dir) throws IOException {
        Path meta = dir == null ? null : dir.resolve(META);
        if (meta == null || !Files.isRegularFile(meta)) {
            return CLASS_NAMES;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(meta, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new IOException(meta + ": not UTF-8 text, expected the " + CLASS_NAMES.size()
                    + " class names one a line", e);
        }
        List<String> names = lines.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (names.size() != CLASS_NAMES.size()) {
            throw new IOException(meta + ": " + names.size() + " class names, CIFAR-10 has "
                    + CLASS_NAMES.size() + " (one a line)");
        }
        return names;
    }

    private static long recordCount(Path file) throws IOException {
        long size = Files.size(file);
        if (size == 0) {
            throw new IOException(file + ": empty file, a CIFAR-10 batch holds records of " + RECORD_BYTES
                    + " bytes (1 label + 3072 pixels)");
        }
        if (size % RECORD_BYTES != 0) {
            String cifar100 = size % CIFAR100_RECORD_BYTES == 0
                    ? "; records of " + CIFAR100_RECORD_BYTES + " bytes would be CIFAR-100's, which is not supported"
                    : "";
            throw new IOException(file + ": truncated or not a CIFAR-10 batch, its " + size + " bytes are "
                    + size / RECORD_BYTES + " records of " + RECORD_BYTES + " bytes and " + size % RECORD_BYTES
                    + " bytes more" + cifar100);
        }
        return size / RECORD_BYTES;
    }

    /** Appends the records of {@code file} to {@code rows} and {@code labels} from index {@code next}. */
    private static int readRecords(Path file, RowWriter rows, int[] labels, int next) throws IOException {
        byte[] record = new byte[RECORD_BYTES];
        float[] row = new float[SHAPE.size()];
        long count = recordCount(file);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            for (long r = 0; r < count; r++) {
                if (in.readNBytes(record, 0, RECORD_BYTES) < RECORD_BYTES) {
                    throw new IOException(file + ": truncated, the file ended inside record " + r
                            + " (it shrank while being read)");
                }
                int label = record[0] & 0xff;
                if (label >= CLASS_NAMES.size()) {
                    throw new IOException(file + ": record " + r + " (byte offset " + r * RECORD_BYTES
                            + ") has label " + label + ", CIFAR-10 labels are 0.." + (CLASS_NAMES.size() - 1));
                }
                labels[next++] = label;
                Pixels.toModelUnits(record, 1, row, 0, row.length);
                rows.add(row);
            }
        }
        return next;
    }
}
