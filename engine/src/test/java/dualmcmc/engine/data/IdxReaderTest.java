package dualmcmc.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdxReaderTest {

    private static final List<String> THREE_CLASSES = List.of("a", "b", "c");

    @TempDir
    Path dir;

    /** Three 2x3 images whose pixels cover 0, 255 and values in between. */
    private static final int[][] PIXELS = {
        {0, 255, 51, 102, 153, 204},
        {255, 255, 255, 0, 0, 0},
        {1, 2, 3, 4, 5, 6},
    };
    private static final int[] LABELS = {2, 0, 1};

    static byte[] images(int magic, int count, int rows, int cols, int[][] pixels) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        out.writeInt(count);
        out.writeInt(rows);
        out.writeInt(cols);
        for (int[] image : pixels) {
            for (int p : image) {
                out.writeByte(p);
            }
        }
        return bytes.toByteArray();
    }

    static byte[] labels(int magic, int[] labels) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        out.writeInt(labels.length);
        for (int l : labels) {
            out.writeByte(l);
        }
        return bytes.toByteArray();
    }

    private Path write(String name, byte[] content, boolean gzip) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(p)) : Files.newOutputStream(p)) {
            out.write(content);
        }
        return p;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void roundTripsPlainAndGzip(boolean gzip) throws IOException {
        // Deliberately no ".gz" suffix: compression must be detected from the bytes.
        Path im = write("images.idx", images(IdxReader.IMAGES_MAGIC, 3, 2, 3, PIXELS), gzip);
        Path lab = write("labels.idx", labels(IdxReader.LABELS_MAGIC, LABELS), gzip);

        Dataset d = IdxReader.readDataset("tiny", im, lab, THREE_CLASSES);

        assertEquals(3, d.size());
        assertEquals(SampleShape.image(1, 2, 3), d.shape());
        assertArrayEquals(LABELS, d.labels());
        float[][] x = d.x().toFloatMatrix();
        for (int i = 0; i < PIXELS.length; i++) {
            for (int j = 0; j < PIXELS[i].length; j++) {
                assertEquals(PIXELS[i][j] / 127.5f - 1f, x[i][j], 1e-6f, "pixel " + j + " of image " + i);
            }
        }
        assertEquals(-1f, x[0][0]);
        assertEquals(1f, x[0][1]);
    }

    @Test
    void rejectsWrongMagicNamingTheFile() throws IOException {
        Path lab = write("labels.idx", labels(IdxReader.LABELS_MAGIC, LABELS), false);
        IOException e = assertThrows(IOException.class, () -> IdxReader.readImages(lab));
        assertTrue(e.getMessage().contains(lab.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("magic"), e.getMessage());
        assertTrue(e.getMessage().contains("label file"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 10, 17, 30})
    void rejectsTruncatedImagesNamingTheFile(int keptBytes) throws IOException {
        byte[] full = images(IdxReader.IMAGES_MAGIC, 3, 2, 3, PIXELS);
        Path im = write("cut.idx", Arrays.copyOf(full, keptBytes), true);
        IOException e = assertThrows(IOException.class, () -> IdxReader.readImages(im));
        assertTrue(e.getMessage().contains(im.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void rejectsMoreBytesThanTheHeaderDeclaresInsteadOfLoadingTheFirstImages() throws IOException {
        Path im = write("images.idx", images(IdxReader.IMAGES_MAGIC, 2, 2, 3, PIXELS), true);
        IOException e = assertThrows(IOException.class, () -> IdxReader.readImages(im));
        assertTrue(e.getMessage().contains("images.idx") && e.getMessage().contains("2 images of 2x3"),
                e.getMessage());
    }

    @Test
    void rejectsDamagedGzipDataNamingTheFile() throws IOException {
        Path lab = write("labels.idx.gz", labels(IdxReader.LABELS_MAGIC, LABELS), true);
        byte[] gz = Files.readAllBytes(lab);
        Files.write(lab, Arrays.copyOf(gz, gz.length - 6));
        IOException e = assertThrows(IOException.class, () -> IdxReader.readLabels(lab));
        assertTrue(e.getMessage().contains("labels.idx.gz") && e.getMessage().contains("gzip"), e.getMessage());
    }

    @Test
    void rejectsTruncatedLabels() throws IOException {
        byte[] full = labels(IdxReader.LABELS_MAGIC, LABELS);
        Path lab = write("cut-labels.idx", Arrays.copyOf(full, full.length - 1), false);
        IOException e = assertThrows(IOException.class, () -> IdxReader.readLabels(lab));
        assertTrue(e.getMessage().contains("cut-labels.idx") && e.getMessage().contains("truncated"),
                e.getMessage());
    }

    @Test
    void rejectsCountMismatchNamingBothFiles() throws IOException {
        Path im = write("images.idx", images(IdxReader.IMAGES_MAGIC, 3, 2, 3, PIXELS), false);
        Path lab = write("labels.idx", labels(IdxReader.LABELS_MAGIC, new int[] {0, 1}), false);
        IOException e = assertThrows(IOException.class,
                () -> IdxReader.readDataset("tiny", im, lab, THREE_CLASSES));
        assertTrue(e.getMessage().contains(im.toString()) && e.getMessage().contains(lab.toString()),
                e.getMessage());
        assertTrue(e.getMessage().contains("3 images") && e.getMessage().contains("2 labels"), e.getMessage());
    }

    @Test
    void rejectsLabelsBeyondTheClassList() throws IOException {
        Path im = write("images.idx", images(IdxReader.IMAGES_MAGIC, 3, 2, 3, PIXELS), false);
        Path lab = write("labels.idx", labels(IdxReader.LABELS_MAGIC, new int[] {0, 1, 9}), false);
        IOException e = assertThrows(IOException.class,
                () -> IdxReader.readDataset("tiny", im, lab, THREE_CLASSES));
        assertTrue(e.getMessage().contains("label 9"), e.getMessage());
    }
}
