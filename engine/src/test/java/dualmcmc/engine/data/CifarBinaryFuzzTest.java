package dualmcmc.engine.data;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** CIFAR-10 batches and their class list, damaged: {@link ReaderFuzz}'s contract. */
class CifarBinaryFuzzTest {

    static final String READER = "CifarBinary";
    private static final int RECORDS = 3;
    private static Scratch scratch;

    @BeforeContainer
    static void setUp() {
        scratch = Scratch.forSuite();
    }

    @AfterContainer
    static void summary() {
        ReaderFuzz.finish(READER, scratch);
    }

    @Property(tries = 400, seed = "1403")
    void batches(@ForAll("batch") byte[] valid, @ForAll("batchDamage") List<Damage> damage) {
        Path file = scratch.file(CifarBinary.TRAIN_BATCHES.get(0), Damage.applyAll(valid, damage));
        ReaderFuzz.check(READER, file.getFileName().toString(), () -> CifarBinary.read(file));
        ReaderFuzz.requireBothOutcomes(READER);
    }

    @Property(tries = 300, seed = "1404")
    void classLists(@ForAll("batch") byte[] batch, @ForAll("textDamage") List<Damage> damage) {
        byte[] names = (String.join("\n", CifarBinary.CLASS_NAMES) + "\n").getBytes(StandardCharsets.UTF_8);
        Path file = scratch.file(CifarBinary.META, Damage.applyAll(names, damage));
        Path folder = file.getParent();
        writeBeside(folder, batch);
        ReaderFuzz.check(READER, CifarBinary.META, () -> CifarBinary.read(folder));
        ReaderFuzz.requireBothOutcomes(READER);
    }

    @Provide
    Arbitrary<byte[]> batch() {
        return Combinators.combine(Arbitraries.integers().between(1, RECORDS), Arbitraries.longs())
                .as((records, seed) -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    byte[] b = new byte[records * CifarBinary.RECORD_BYTES];
                    for (int i = 0; i < b.length; i++) {
                        b[i] = (byte) (i % CifarBinary.RECORD_BYTES == 0 ? random.nextInt(10) : random.nextInt(256));
                    }
                    return b;
                });
    }

    /** The only header-like fields of a batch are its records' label bytes. */
    @Provide
    Arbitrary<List<Damage>> batchDamage() {
        List<HeaderField> labels = new ArrayList<>();
        for (int r = 0; r < RECORDS; r++) {
            labels.add(HeaderField.bigEndian("label" + r, r * CifarBinary.RECORD_BYTES, 1));
        }
        return Damages.any(labels);
    }

    @Provide
    Arbitrary<List<Damage>> textDamage() {
        return Damages.any(List.of());
    }

    private static void writeBeside(Path folder, byte[] batch) {
        try {
            java.nio.file.Files.write(folder.resolve(CifarBinary.TRAIN_BATCHES.get(0)), batch);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
