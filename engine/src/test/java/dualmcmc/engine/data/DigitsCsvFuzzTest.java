package dualmcmc.engine.data;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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

/** The digits CSV (plain and gzip), damaged: {@link ReaderFuzz}'s contract. */
class DigitsCsvFuzzTest {

    static final String READER = "DigitsCsv";
    private static final String NAME = "digits.csv.gz";
    private static Scratch scratch;

    @BeforeContainer
    static void setUp() {
        scratch = Scratch.forSuite();
    }

    @AfterContainer
    static void summary() {
        ReaderFuzz.finish(READER, scratch);
    }

    @Property(tries = 500, seed = "1405")
    void csvFiles(@ForAll("digits") byte[] valid, @ForAll Packing packing, @ForAll("damage") List<Damage> damage) {
        Path file = scratch.file(NAME, packing.pack(valid, damage));
        ReaderFuzz.check(READER, NAME, () -> DigitsCsv.read(file));
        ReaderFuzz.requireBothOutcomes(READER);
    }

    @Provide
    Arbitrary<byte[]> digits() {
        return Combinators.combine(Arbitraries.integers().between(1, 12), Arbitraries.longs(),
                Arbitraries.of(".0", "")).as((lines, seed, decimals) -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    StringBuilder csv = new StringBuilder();
                    for (int l = 0; l < lines; l++) {
                        for (int p = 0; p < DigitsCsv.SHAPE.size(); p++) {
                            csv.append(random.nextInt(17)).append(decimals).append(',');
                        }
                        csv.append(random.nextInt(10)).append(decimals).append('\n');
                    }
                    return csv.toString().getBytes(StandardCharsets.US_ASCII);
                });
    }

    @Provide
    Arbitrary<List<Damage>> damage() {
        return Damages.any(List.of());
    }
}
