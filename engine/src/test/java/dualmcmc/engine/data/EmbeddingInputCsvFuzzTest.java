package dualmcmc.engine.data;

import dualmcmc.engine.tsne.EmbeddingInput;
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

/** The CSV input of {@code tsne --input}, damaged: {@link ReaderFuzz}'s contract (.npy is fuzzed with io/Npy). */
class EmbeddingInputCsvFuzzTest {

    static final String READER = "EmbeddingInput (tsne CSV)";
    private static final String NAME = "points.csv";
    private static Scratch scratch;

    @BeforeContainer
    static void setUp() {
        scratch = Scratch.forSuite();
    }

    @AfterContainer
    static void summary() {
        ReaderFuzz.finish(READER, scratch);
    }

    @Property(tries = 700, seed = "1408")
    void csvFiles(@ForAll("csv") byte[] valid, @ForAll("damage") List<Damage> damage) {
        Path file = scratch.file(NAME, Damage.applyAll(valid, damage));
        ReaderFuzz.check(READER, NAME, () -> EmbeddingInput.read(file));
        ReaderFuzz.requireBothOutcomes(READER);
    }

    /** Points with or without a header and a label column, in any of the accepted separators and quoting. */
    @Provide
    Arbitrary<byte[]> csv() {
        return Combinators.combine(Arbitraries.integers().between(1, 15), Arbitraries.integers().between(1, 5),
                Arbitraries.of(",", ";", "\t"), Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.longs()).as((rows, dims, sep, header, labelled, seed) -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    StringBuilder csv = new StringBuilder();
                    if (header) {
                        for (int d = 0; d < dims; d++) {
                            csv.append("\"f").append(d).append('"').append(sep);
                        }
                        csv.append(labelled ? "label" : "g").append('\n');
                    }
                    for (int r = 0; r < rows; r++) {
                        for (int d = 0; d < dims; d++) {
                            csv.append(random.nextGaussian() * 100).append(sep);
                        }
                        csv.append(labelled ? "class " + random.nextInt(3) : Double.toString(random.nextDouble()))
                                .append(random.nextBoolean() ? "\n" : "\r\n");
                    }
                    return csv.toString().getBytes(StandardCharsets.UTF_8);
                });
    }

    @Provide
    Arbitrary<List<Damage>> damage() {
        return Damages.any(List.of());
    }
}
