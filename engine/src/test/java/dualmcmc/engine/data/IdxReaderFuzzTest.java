package dualmcmc.engine.data;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** IDX image and label files, plain and gzip, damaged: {@link ReaderFuzz}'s contract. */
class IdxReaderFuzzTest {

    static final String READER = "IdxReader";
    private static final String NAME = "train-images-idx3-ubyte.gz";
    private static Scratch scratch;

    @BeforeContainer
    static void setUp() {
        scratch = Scratch.forSuite();
    }

    @AfterContainer
    static void summary() {
        ReaderFuzz.finish(READER, scratch);
    }

    @Property(tries = 700, seed = "1401")
    void imageFiles(@ForAll("images") byte[] valid, @ForAll Packing packing,
                    @ForAll("imageDamage") List<Damage> damage) {
        Path file = scratch.file(NAME, packing.pack(valid, damage));
        ReaderFuzz.check(READER, NAME, () -> IdxReader.readImages(file));
        ReaderFuzz.requireBothOutcomes(READER);
    }

    @Property(tries = 400, seed = "1402")
    void labelFiles(@ForAll("labels") byte[] valid, @ForAll Packing packing,
                    @ForAll("labelDamage") List<Damage> damage) {
        Path file = scratch.file(NAME, packing.pack(valid, damage));
        ReaderFuzz.check(READER, NAME, () -> IdxReader.readLabels(file));
        ReaderFuzz.requireBothOutcomes(READER);
    }

    @Provide
    Arbitrary<byte[]> images() {
        Arbitrary<Integer> side = Arbitraries.integers().between(1, 6);
        return Combinators.combine(Arbitraries.integers().between(1, 12), side, side, Arbitraries.longs())
                .as((count, rows, cols, seed) -> idx(IdxReader.IMAGES_MAGIC, new int[] {count, rows, cols},
                        count * rows * cols, seed));
    }

    @Provide
    Arbitrary<byte[]> labels() {
        return Combinators.combine(Arbitraries.integers().between(1, 40), Arbitraries.longs())
                .as((count, seed) -> idx(IdxReader.LABELS_MAGIC, new int[] {count}, count, seed));
    }

    @Provide
    Arbitrary<List<Damage>> imageDamage() {
        return Damages.any(List.of(HeaderField.bigEndian("magic", 0, 4), HeaderField.bigEndian("count", 4, 4),
                HeaderField.bigEndian("rows", 8, 4), HeaderField.bigEndian("cols", 12, 4)));
    }

    @Provide
    Arbitrary<List<Damage>> labelDamage() {
        return Damages.any(List.of(HeaderField.bigEndian("magic", 0, 4), HeaderField.bigEndian("count", 4, 4)));
    }

    /** An IDX file: magic, dimensions, then {@code body} bytes below 10 so that they also pass as labels. */
    private static byte[] idx(int magic, int[] dims, int body, long seed) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + body);
        b.putInt(magic);
        for (int d : dims) {
            b.putInt(d);
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        while (b.hasRemaining()) {
            b.put((byte) random.nextInt(10));
        }
        return b.array();
    }
}
