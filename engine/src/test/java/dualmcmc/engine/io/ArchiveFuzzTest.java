package dualmcmc.engine.io;

import dualmcmc.engine.model.Classifier;
import dualmcmc.engine.train.DualMcmcTrainer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Damaged checkpoints and classifiers, thousands of them from fixed seeds: random bit flips
 * anywhere in the file, a run of overwritten bytes, truncations. Each must either load exactly
 * what was saved (the damage hit bytes no reader uses, e.g. a local header's timestamp) or be
 * refused with one line naming the file; never another exception, an OutOfMemoryError, a hang,
 * or a model that silently differs from the one saved.
 */
@Tag("fuzz")
class ArchiveFuzzTest {
    private static final Duration PER_CASE = Duration.ofSeconds(20);
    private static Path dir;
    private static byte[] checkpoint;
    private static List<INDArray> saved;
    private static byte[] classifier;
    private static List<INDArray> classifierSaved;
    /** reader -> [cases, loaded, refused], printed at the end for the record. */
    private static final Map<String, AtomicInteger[]> COUNTS = new TreeMap<>();

    @BeforeContainer
    static void save() throws IOException {
        dir = Files.createTempDirectory("archive-fuzz");
        DualMcmcTrainer t = CheckpointTest.trainer(11, CheckpointTest.SMALL);
        t.step();
        t.step();
        Path f = dir.resolve("good.dmcx");
        Checkpoint.save(f, t, null, Map.of());
        checkpoint = Files.readAllBytes(f);
        saved = ArchiveIntegrityTest.state(t);
        Classifier c = ClassifierFile.bundled("digits").orElseThrow().classifier();
        Path cf = dir.resolve("good.dmcc");
        ClassifierFile.save(cf, c, "digits", Map.of());
        classifier = Files.readAllBytes(cf);
        classifierSaved = parameters(c);
    }

    @AfterContainer
    static void report() throws IOException {
        COUNTS.forEach((reader, n) -> System.out.printf("fuzz %-28s cases %5d  loaded %5d  refused %5d%n",
                reader, n[0].get(), n[1].get(), n[2].get()));
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }

    private static List<INDArray> parameters(Classifier c) {
        return c.networks().stream().flatMap(n -> n.parameters().stream()).map(p -> p.value().dup()).toList();
    }

    /** Loads {@code bytes} as a checkpoint: exactly the saved state, or a one-line refusal naming the file. */
    private static void checkCheckpoint(String what, byte[] bytes) throws IOException {
        Path f = dir.resolve(what + ".dmcx");
        Files.write(f, bytes);
        outcome(what, f, () -> {
            Checkpoint.Loaded back = Checkpoint.load(f);
            assertEquals(saved, ArchiveIntegrityTest.state(back.trainer()), "loaded, but not what was saved");
            assertEquals(2, back.iteration());
        });
    }

    private static void checkClassifier(String what, byte[] bytes) throws IOException {
        Path f = dir.resolve(what + ".dmcc");
        Files.write(f, bytes);
        outcome(what, f, () -> assertEquals(classifierSaved, parameters(ClassifierFile.load(f).classifier()),
                "loaded, but not what was saved"));
    }

    private interface Load {
        void run() throws Exception;
    }

    private static void outcome(String reader, Path f, Load load) {
        AtomicInteger[] n = COUNTS.computeIfAbsent(reader,
                k -> new AtomicInteger[]{new AtomicInteger(), new AtomicInteger(), new AtomicInteger()});
        n[0].incrementAndGet();
        assertTimeoutPreemptively(PER_CASE, () -> {
            try {
                load.run();
                n[1].incrementAndGet();
            } catch (IllegalArgumentException e) {
                String m = e.getMessage();
                assertTrue(m != null && m.startsWith(f.toString()), "the message names the file: " + m);
                assertFalse(m.contains("\n"), "one line: " + m);
                n[2].incrementAndGet();
            }
        });
    }

    private static byte[] flipBits(byte[] good, int flips, long seed) {
        Random r = new Random(seed);
        byte[] b = good.clone();
        for (int i = 0; i < flips; i++) {
            b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
        }
        return b;
    }

    private static byte[] overwrite(byte[] good, int length, long seed) {
        Random r = new Random(seed);
        byte[] b = good.clone();
        int at = r.nextInt(b.length - length);
        for (int i = 0; i < length; i++) {
            b[at + i] = (byte) r.nextInt(256);
        }
        return b;
    }

    private static byte[] truncate(byte[] good, long seed) {
        return java.util.Arrays.copyOf(good, new Random(seed).nextInt(good.length));
    }

    @Property(tries = 600, seed = "20261203")
    void checkpointBitFlips(@ForAll @IntRange(min = 1, max = 24) int flips, @ForAll long seed) throws IOException {
        checkCheckpoint("checkpoint-bit-flips", flipBits(checkpoint, flips, seed));
    }

    @Property(tries = 200, seed = "20261203")
    void checkpointOverwrittenRuns(@ForAll @IntRange(min = 1, max = 64) int length, @ForAll long seed)
            throws IOException {
        checkCheckpoint("checkpoint-overwritten-runs", overwrite(checkpoint, length, seed));
    }

    @Property(tries = 200, seed = "20261203")
    void checkpointTruncations(@ForAll long seed) throws IOException {
        checkCheckpoint("checkpoint-truncations", truncate(checkpoint, seed));
    }

    @Property(tries = 400, seed = "20261203")
    void classifierBitFlips(@ForAll @IntRange(min = 1, max = 24) int flips, @ForAll long seed) throws IOException {
        checkClassifier("classifier-bit-flips", flipBits(classifier, flips, seed));
    }

    @Property(tries = 100, seed = "20261203")
    void classifierOverwrittenRunsAndTruncations(@ForAll @IntRange(min = 1, max = 64) int length,
                                                 @ForAll long seed) throws IOException {
        checkClassifier("classifier-overwritten-runs", overwrite(classifier, length, seed));
        checkClassifier("classifier-truncations", truncate(classifier, seed));
    }
}
