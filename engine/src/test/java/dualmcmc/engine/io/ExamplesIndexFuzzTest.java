package dualmcmc.engine.io;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dualmcmc.engine.data.Assets;
import dualmcmc.engine.data.Damage;
import dualmcmc.engine.data.Damages;
import dualmcmc.engine.data.ReaderFuzz;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/** The examples gallery's index.json, the bundled one damaged: {@link ReaderFuzz}'s contract. */
class ExamplesIndexFuzzTest {

    static final String READER = "Examples (index.json)";
    private static final byte[] BUNDLED = bundledIndex();

    @AfterContainer
    static void summary() {
        ReaderFuzz.report(READER);
    }

    @Property(tries = 500, seed = "1410")
    void damagedIndexes(@ForAll("damage") List<Damage> damage) {
        byte[] bytes = Damage.applyAll(BUNDLED, damage);
        ReaderFuzz.check(READER, Examples.INDEX, () -> {
            List<JsonNode> entries = Examples.readIndex(new ByteArrayInputStream(bytes), "bundled " + Examples.INDEX);
            // what loads, the gallery can open: each entry's checkpoint is there
            for (JsonNode e : entries) {
                assertTrue(Assets.exists(Examples.checkpointPath(e.get("id").asText())), e::toString);
            }
        });
        ReaderFuzz.requireBothOutcomes(READER);
    }

    @Provide
    Arbitrary<List<Damage>> damage() {
        return Damages.any(List.of());
    }

    private static byte[] bundledIndex() {
        try (InputStream in = Assets.open(Examples.INDEX)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
