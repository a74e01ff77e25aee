package dualmcmc.engine.data;

import dualmcmc.engine.io.RunStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Run directories as {@code --run DIR} reads them, with their checkpoint missing, a folder, empty,
 * not a checkpoint at all or a bundled example's: {@link ReaderFuzz}'s contract. The contents of
 * a damaged checkpoint are io/Checkpoint's and io/ArrayArchive's to refuse, with their own suites;
 * this one is about what RunStore makes of a directory.
 */
class RunStoreFuzzTest {

    static final String READER = "RunStore (run directory)";
    private static final byte[] CHECKPOINT = bundled("examples/ring8.dmcx");
    private static Scratch scratch;

    /** What stands where the run's checkpoint belongs. */
    enum Layout { MISSING, FOLDER, EMPTY, JUNK, CHECKPOINT }

    @BeforeContainer
    static void setUp() {
        scratch = Scratch.forSuite();
    }

    @AfterContainer
    static void summary() {
        ReaderFuzz.finish(READER, scratch);
    }

    @Property(tries = 200, seed = "1411")
    void runDirectories(@ForAll Layout layout, @ForAll("junk") byte[] junk) throws IOException {
        Path dir = scratch.emptyFolder().resolve("run");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("metrics.jsonl"), "{\"iteration\":1}\n");
        Path checkpoint = dir.resolve(RunStore.CHECKPOINT);
        switch (layout) {
            case MISSING -> { }
            case FOLDER -> Files.createDirectories(checkpoint);
            case EMPTY -> Files.write(checkpoint, new byte[0]);
            case JUNK -> Files.write(checkpoint, junk);
            case CHECKPOINT -> Files.write(checkpoint, CHECKPOINT);
        }
        ReaderFuzz.check(READER, "run", () -> RunStore.load(dir));
        ReaderFuzz.requireBothOutcomes(READER);
    }

    /** Random bytes, sometimes behind a zip file's magic number. */
    @Provide
    Arbitrary<byte[]> junk() {
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(4096);
        return Arbitraries.oneOf(bytes, bytes.map(b -> new Damage.Splice(0, "PK\u0003\u0004", false).apply(b)));
    }

    private static byte[] bundled(String asset) {
        try (InputStream in = Assets.open(asset)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
