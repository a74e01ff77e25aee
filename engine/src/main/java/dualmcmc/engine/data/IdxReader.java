package dualmcmc.engine.data;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reader for the IDX files of MNIST and Fashion-MNIST (big-endian, plain or gzip): images are
 * int32 magic 0x00000803, N, rows, cols, then N*rows*cols unsigned bytes; labels are int32 magic
 * 0x00000801, N, then N unsigned bytes.
 *
 * <p>Every error names the file, because the usual cause is a user pointing at the wrong folder
 * or a half-downloaded file, and "EOFException" alone does not tell them which one.
 */
public final class IdxReader {

    public static final int IMAGES_MAGIC = 0x00000803;
    public static final int LABELS_MAGIC = 0x00000801;

    /** Decoded images: [N, rows*cols] FLOAT in [-1, 1], rows flattened row by row. */
    public record Images(INDArray x, int rows, int cols) {
        public int count() {
            return (int) x.rows();
        }
    }

    private IdxReader() {
    }

    public static Images readImages(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return readImages(in, file.toString());
        }
    }

    public static int[] readLabels(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return readLabels(in, file.toString());
        }
    }

    /** Reads images from a stream; {@code source} names it in error messages. */
    public static Images readImages(InputStream raw, String source) throws IOException {
        DataInputStream in = new DataInputStream(Compression.decompressIfGzip(raw, source));
        int count = readHeader(in, source, IMAGES_MAGIC, "images");
        int rows = readPositive(in, source, "row count");
        int cols = readPositive(in, source, "column count");
        long total = (long) count * rows * cols;
        if (total > Integer.MAX_VALUE - 8) {
            throw new IOException(source + ": " + count + " images of " + rows + "x" + cols
                    + " pixels are too many to hold in one array");
        }
        byte[] pixels = readBody(in, source, (int) total, count + " images of " + rows + "x" + cols);
        float[] scaled = new float[pixels.length];
        Pixels.toModelUnits(pixels, 0, scaled, 0, pixels.length);
        return new Images(Nd4j.create(scaled, new long[] {count, (long) rows * cols}, 'c'), rows, cols);
    }

    /** Reads labels from a stream; {@code source} names it in error messages. */
    public static int[] readLabels(InputStream raw, String source) throws IOException {
        DataInputStream in = new DataInputStream(Compression.decompressIfGzip(raw, source));
        int count = readHeader(in, source, LABELS_MAGIC, "labels");
        byte[] bytes = readBody(in, source, count, count + " labels");
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = bytes[i] & 0xff;
        }
        return labels;
    }

    /**
     * Reads a matching pair of image and label files into a data set, refusing pairs whose
     * counts differ (a sign of files from different splits).
     */
    public static Dataset readDataset(String name, Path images, Path labels, List<String> classNames)
            throws IOException {
        Images im = readImages(images);
        int[] lab = readLabels(labels);
        return toDataset(name, im, images.toString(), lab, labels.toString(), classNames);
    }

    /** As {@link #readDataset(String, Path, Path, List)} once both files have been read. */
    static Dataset toDataset(String name, Images images, String imagesSource, int[] labels, String labelsSource,
                             List<String> classNames) throws IOException {
        if (images.count() != labels.length) {
            throw new IOException("count mismatch: " + imagesSource + " holds " + images.count() + " images but "
                    + labelsSource + " holds " + labels.length + " labels");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= classNames.size()) {
                throw new IOException(labelsSource + ": label " + labels[i] + " at item " + i
                        + " exceeds the " + classNames.size() + " classes of " + name);
            }
        }
        return Dataset.ofImages(name, SampleShape.image(1, images.rows(), images.cols()), images.x(), labels,
                classNames);
    }

    private static int readHeader(DataInputStream in, String source, int expectedMagic, String what)
            throws IOException {
        int magic = readInt(in, source, "magic number");
        if (magic != expectedMagic) {
            throw new IOException(String.format("%s: wrong magic number 0x%08X, expected 0x%08X for IDX %s%s",
                    source, magic, expectedMagic, what, hint(magic)));
        }
        int count = readNonNegative(in, source, "item count");
        if (count == 0) {
            throw new IOException(source + ": the IDX header declares no " + what);
        }
        return count;
    }

    private static String hint(int magic) {
        if (magic == IMAGES_MAGIC) {
            return " (this is an image file)";
        }
        if (magic == LABELS_MAGIC) {
            return " (this is a label file)";
        }
        return "";
    }

    private static int readNonNegative(DataInputStream in, String source, String field) throws IOException {
        int v = readInt(in, source, field);
        if (v < 0) {
            throw new IOException(source + ": negative " + field + " " + v + " in the IDX header");
        }
        return v;
    }

    private static int readPositive(DataInputStream in, String source, String field) throws IOException {
        int v = readNonNegative(in, source, field);
        if (v == 0) {
            throw new IOException(source + ": zero " + field + " in the IDX header");
        }
        return v;
    }

    private static int readInt(DataInputStream in, String source, String field) throws IOException {
        try {
            return in.readInt();
        } catch (EOFException e) {
            throw new IOException(source + ": truncated file, it ends inside the IDX header (" + field + ")", e);
        }
    }

    /**
     * The {@code length} bytes the header announces, and not one more: a file longer than its
     * header says has a damaged count, and loading the first images of it would hide that. The
     * buffer grows with the data read, so a header announcing gigabytes costs nothing until they come.
     */
    private static byte[] readBody(DataInputStream in, String source, int length, String what) throws IOException {
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new IOException(source + ": truncated: the header declares " + what + " (" + length
                    + " bytes), the file holds " + body.length);
        }
        if (in.read() != -1) {
            throw new IOException(source + ": the header declares " + what + " (" + length
                    + " bytes) but more data follow: a damaged header or not an IDX file");
        }
        return body;
    }
}
