package dualmcmc.engine.io;

import dualmcmc.engine.data.DrawnData;
import dualmcmc.engine.progress.IterationStats;
import dualmcmc.engine.train.DualMcmcTrainer;
import dualmcmc.engine.train.TrainingSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A drawn data set has no generator: its checkpoint carries the points, checked like every other array. */
class DrawnCheckpointTest {
    @TempDir
    Path tmp;

    /** Two hand-drawn-like blobs. */
    static float[][] points(int n, long seed) {
        Random r = new Random(seed);
        float[][] p = new float[n][];
        for (int i = 0; i < n; i++) {
            float cx = i % 2 == 0 ? -0.5f : 0.6f;
            p[i] = new float[] {cx + 0.1f * (float) r.nextGaussian(), 0.3f * (float) r.nextGaussian()};
        }
        return p;
    }

    private static DualMcmcTrainer trainer(float[][] pts) {
        return TrainingSetup.create(DrawnData.of(pts), CheckpointTest.SMALL, 4).trainer();
    }

    private static Map<String, byte[]> entries(Path file) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                out.put(e.getName(), zip.getInputStream(e).readAllBytes());
            }
        }
        return out;
    }

    private static String refused(Path f) {
        String m = assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(f)).getMessage();
        assertTrue(m.startsWith(f + ": "), "names the file: " + m);
        assertFalse(m.contains("\n"), "one line: " + m);
        return m;
    }

    @Test
    void drawnPointsTravelWithTheCheckpointAndTrainingContinuesExactly() throws IOException {
        float[][] pts = points(150, 1);
        DualMcmcTrainer straight = trainer(pts);
        DualMcmcTrainer first = trainer(pts);
        for (int i = 0; i < 3; i++) {
            straight.step();
            first.step();
        }
        Path file = tmp.resolve("drawn.dmcx");
        Checkpoint.save(file, first, null, null);
        Checkpoint.Loaded back = Checkpoint.load(file);

        assertEquals(DrawnData.NAME, back.data().name());
        assertEquals(3, back.iteration());
        assertArrayEquals(first.data().x().toFloatMatrix(), back.data().x().toFloatMatrix());
        assertArrayEquals(pts[17], back.data().x().getRow(17).toFloatVector());
        assertFalse(back.data().hasLabels());
        assertTrue(back.data().mixture().isEmpty());

        DualMcmcTrainer resumed = back.trainer();
        IterationStats a = null;
        IterationStats b = null;
        for (int i = 0; i < 2; i++) {
            a = straight.step();
            b = resumed.step();
        }
        assertEquals(5, resumed.iteration());
        assertEquals(a.errE(), b.errE(), "the resumed run draws the same batches of the same points");
        assertEquals(a.errG(), b.errG());
    }

    @Test
    void aDamagedOrMissingPointsEntryIsRefusedInOneLine() throws IOException {
        Path good = tmp.resolve("good.dmcx");
        Checkpoint.save(good, trainer(points(100, 2)), null, null);
        Map<String, byte[]> entries = entries(good);
        assertTrue(entries.containsKey(Checkpoint.DRAWN_POINTS));

        byte[] flipped = entries.get(Checkpoint.DRAWN_POINTS).clone();
        flipped[flipped.length - 3] ^= 0x40;
        String damaged = refused(ArchiveIntegrityTest.zip(tmp.resolve("damaged.dmcx"),
                CheckpointTest.withArray(entries, Checkpoint.DRAWN_POINTS, flipped, false)));
        assertTrue(damaged.contains(Checkpoint.DRAWN_POINTS) && damaged.contains("damaged"), damaged);

        Map<String, byte[]> missing = new LinkedHashMap<>(entries);
        missing.remove(Checkpoint.DRAWN_POINTS);
        String absent = refused(ArchiveIntegrityTest.zip(tmp.resolve("missing.dmcx"), missing));
        assertTrue(absent.contains("missing array " + Checkpoint.DRAWN_POINTS), absent);

        Map<String, byte[]> huge = new LinkedHashMap<>(entries);
        huge.put("manifest.json", new String(entries.get("manifest.json"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"" + Checkpoint.DRAWN_POINTS + "\" : [ 100, 2 ]",
                        "\"" + Checkpoint.DRAWN_POINTS + "\" : [ 2000000000, 2 ]")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String lying = refused(ArchiveIntegrityTest.zip(tmp.resolve("lying.dmcx"), huge));
        assertTrue(lying.contains(Checkpoint.DRAWN_POINTS) && lying.contains("2000000000"), lying);
    }

    @Test
    void tooFewPointsAreRefused() {
        String m = assertThrows(IllegalArgumentException.class, () -> DrawnData.of(points(63, 3))).getMessage();
        assertTrue(m.contains("63") && m.contains(Integer.toString(DrawnData.MIN_POINTS)), m);
    }
}
