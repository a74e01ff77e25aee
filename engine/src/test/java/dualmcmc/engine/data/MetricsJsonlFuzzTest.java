package dualmcmc.engine.data;

import dualmcmc.engine.export.CsvExport;
import dualmcmc.engine.io.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** A run's metrics.jsonl as {@code export curves} reads it, damaged: {@link ReaderFuzz}'s contract. */
class MetricsJsonlFuzzTest {

    static final String READER = "metrics.jsonl (CsvExport)";
    private static final String NAME = "metrics.jsonl";
    private static Scratch scratch;

    @BeforeContainer
    static void setUp() {
        scratch = Scratch.forSuite();
    }

    @AfterContainer
    static void summary() {
        ReaderFuzz.finish(READER, scratch);
    }

    @Property(tries = 500, seed = "1409")
    void metricsFiles(@ForAll("metrics") byte[] valid, @ForAll("damage") List<Damage> damage) {
        Path file = scratch.file(NAME, Damage.applyAll(valid, damage));
        ReaderFuzz.check(READER, NAME, () -> CsvExport.metrics(file));
        ReaderFuzz.requireBothOutcomes(READER);
    }

    /** Lines as train writes them: the iteration's statistics, some with a nested evaluation. */
    @Provide
    Arbitrary<byte[]> metrics() {
        return Combinators.combine(Arbitraries.integers().between(1, 10), Arbitraries.longs()).as((lines, seed) -> {
            SplittableRandom random = new SplittableRandom(seed);
            StringBuilder jsonl = new StringBuilder();
            for (int i = 1; i <= lines; i++) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("iteration", (long) i * 10);
                line.put("epoch", i / 3);
                for (String key : List.of("errE", "errG", "errI", "energy_data", "energy_samples", "seconds")) {
                    line.put(key, random.nextGaussian());
                }
                if (random.nextBoolean()) {
                    line.put("eval", Map.of("revised", Map.of("hq", random.nextDouble(), "modes", 8)));
                }
                jsonl.append(Json.write(line)).append('\n');
            }
            return jsonl.toString().getBytes(StandardCharsets.UTF_8);
        });
    }

    @Provide
    Arbitrary<List<Damage>> damage() {
        return Damages.any(List.of());
    }
}
