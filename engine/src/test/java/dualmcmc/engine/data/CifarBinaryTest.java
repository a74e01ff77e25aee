package dualmcmc.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dualmcmc.engine.config.Presets;
import dualmcmc.engine.progress.IterationStats;
import dualmcmc.engine.train.TrainingSetup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarBinaryTest {

    @TempDir
    Path dir;

    /** A distinct byte for every (record, channel, row, column), so any mix-up of the layout shows. */
    static int pixel(int record, int channel, int y, int x) {
        return (record * 31 + channel * 80 + y * 5 + x * 3) & 0xff;
    }

    /** CIFAR-10 binary records: label byte, then the R, G and B planes, each row by row. */
    static byte[] records(int firstRecord, int... labels) {
        byte[] out = new byte[labels.length * CifarBinary.RECORD_BYTES];
        int i = 0;
        for (int r = 0; r < labels.length; r++) {
            out[i++] = (byte) labels[r];
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < 32; y++) {
                    for (int x = 0; x < 32; x++) {
                        out[i++] = (byte) pixel(firstRecord + r, c, y, x);
                    }
                }
            }
        }
        return out;
    }

    private Path write(String relative, byte[] content) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        return Files.write(p, content);
    }

    private static void assertPixelsOf(Dataset d, int row, int record) {
        float[] values = d.x().getRow(row).toFloatVector();
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    float expected = pixel(record, c, y, x) / 127.5f - 1f;
                    assertEquals(expected, values[c * 1024 + y * 32 + x], 1e-6f,
                            "row " + row + " channel " + c + " at (" + y + ", " + x + ")");
                }
            }
        }
    }

    @Test
    void readsOneBatchFileExactlyWithChannelPlanesInOrder() throws IOException {
        Path file = write("mine.bin", records(0, 3, 0, 9));
        Dataset d = CifarBinary.read(file);
        assertEquals("cifar10", d.name());
        assertEquals(SampleShape.image(3, 32, 32), d.shape());
        assertEquals(3, d.size());
        assertArrayEquals(new int[] {3, 0, 9}, d.labels());
        assertEquals(CifarBinary.CLASS_NAMES, d.classNames());
        assertEquals("truck", d.classNames().get(9));
        for (int r = 0; r < 3; r++) {
            assertPixelsOf(d, r, r);
        }
        // The first green value of record 1 is byte 1 + 1024 of the record: 31 + 80 = 111.
        assertEquals(111 / 127.5f - 1f, d.x().getFloat(1, 1024), 1e-6f);
    }

    @Test
    void aFolderHoldingTheArchiveFolderUsesItsTrainingBatchesInOrderAndItsClassNames() throws IOException {
        write("cifar-10-batches-bin/data_batch_2.bin", records(2, 7));
        write("cifar-10-batches-bin/data_batch_1.bin", records(0, 1, 2));
        write("cifar-10-batches-bin/test_batch.bin", records(10, 5, 5, 5, 5));
        List<String> names = List.of("a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9");
        Files.writeString(dir.resolve("cifar-10-batches-bin/batches.meta.txt"), String.join("\n", names) + "\n\n");

        Dataset d = CifarBinary.read(dir);
        assertEquals(3, d.size());
        assertArrayEquals(new int[] {1, 2, 7}, d.labels());
        assertEquals(names, d.classNames());
        for (int r = 0; r < 3; r++) {
            assertPixelsOf(d, r, r);
        }
    }

    @Test
    void withoutTrainingBatchesTheTestBatchIsUsed() throws IOException {
        write("test_batch.bin", records(4, 6, 8));
        Dataset d = CifarBinary.read(dir);
        assertArrayEquals(new int[] {6, 8}, d.labels());
        assertPixelsOf(d, 1, 5);
        assertEquals(List.of(dir.resolve("test_batch.bin")), CifarBinary.batchFiles(dir));
    }

    @Test
    void rejectsATruncatedFileNamingIt() throws IOException {
        byte[] two = records(0, 1, 2);
        Path file = write("data_batch_1.bin", Arrays.copyOf(two, two.length - 5));
        IOException e = assertThrows(IOException.class, () -> CifarBinary.read(dir));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains("3073"), e.getMessage());
    }

    @Test
    void rejectsAnEmptyFileNamingIt() throws IOException {
        Path file = write("empty.bin", new byte[0]);
        IOException e = assertThrows(IOException.class, () -> CifarBinary.read(file));
        assertTrue(e.getMessage().startsWith(file + ": empty file"), e.getMessage());
    }

    @Test
    void rejectsALabelAboveNineNamingFileAndRecord() throws IOException {
        Path file = write("data_batch_1.bin", records(0, 4, 10, 2));
        IOException e = assertThrows(IOException.class, () -> CifarBinary.read(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("record 1") && e.getMessage().contains("label 10"), e.getMessage());
    }

    @Test
    void rejectsFoldersWithoutBatches() throws IOException {
        Files.writeString(dir.resolve("readme.txt"), "not a batch");
        IOException empty = assertThrows(IOException.class, () -> CifarBinary.read(dir));
        assertTrue(empty.getMessage().contains(dir.toString()) && empty.getMessage().contains("no .bin file"),
                empty.getMessage());
        IOException missing = assertThrows(IOException.class, () -> CifarBinary.read(dir.resolve("nowhere")));
        assertTrue(missing.getMessage().contains("nowhere") && missing.getMessage().contains("does not exist"),
                missing.getMessage());
    }

    @Test
    void rejectsAClassListOfTheWrongLength() throws IOException {
        write("test_batch.bin", records(0, 1));
        Path meta = dir.resolve("batches.meta.txt");
        Files.writeString(meta, "cat\ndog\n");
        IOException e = assertThrows(IOException.class, () -> CifarBinary.read(dir));
        assertTrue(e.getMessage().contains(meta.toString()) && e.getMessage().contains("2 class names"),
                e.getMessage());
    }

    @Test
    void loadsThroughDatasetsAndSaysWhereTheDataComeFromWhenNoFolderIsGiven() throws IOException {
        write("data_batch_1.bin", records(0, 0, 1, 2, 3));
        Dataset d = Datasets.load("cifar10", dir, 1);
        assertEquals(4, d.size());
        assertEquals(3 * 32 * 32, d.x().columns());
        assertEquals("image32", Presets.defaultFor(d.name()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Datasets.load("cifar10", null, 1));
        assertTrue(e.getMessage().contains("CIFAR-10 binary version"), e.getMessage());
    }

    @Test
    void anImportedSetTrainsOneIterationOfTheImage32Preset() throws IOException {
        int[] labels = new int[12];
        Arrays.setAll(labels, i -> i % 10);
        write("data_batch_1.bin", records(0, labels));
        Dataset d = Datasets.load("cifar10", dir, 1);
        IterationStats s = TrainingSetup.create(d, Presets.get("image32")
                .withOverrides(List.of("batch=8", "width=8", "x_steps=2", "z_steps=2")), 1).trainer().step();
        for (double v : new double[] {s.errE(), s.errG(), s.errI(), s.energyData(), s.energySamples()}) {
            assertTrue(Double.isFinite(v), s.toString());
        }
        assertEquals(1, s.iteration());
    }
}
