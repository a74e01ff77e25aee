package dualmcmc.engine.io;

import com.fasterxml.jackson.databind.JsonNode;
import dualmcmc.engine.data.Assets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pretrained models bundled in {@code assets/examples/}: {@code index.json} orders them and
 * gives each a title, a sentence and its recipe (the CLI command, seed and wall time that made
 * it); what is measured (metrics, iterations) is read from the checkpoint's own manifest, so the
 * gallery cannot disagree with the model it opens.
 */
public final class Examples {
    static final String FOLDER = "examples/";
    static final String INDEX = FOLDER + "index.json";

    private Examples() {
    }

    /**
     * One bundled model. {@code metrics} are its eval at save time (2-D: generator/revised mode
     * statistics; images: reconstruction MSE and energies); {@code recipe} the command that made it.
     */
    public record Example(String id, String title, String dataset, String description,
                          Map<String, Object> metrics, String recipe, long iterations, long bytes) {
    }

    /** The bundled examples in gallery order; empty when the build bundled none. */
    public static List<Example> list() {
        List<Example> out = new ArrayList<>();
        try {
            for (JsonNode e : index()) {
                out.add(describe(e));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a bundled example is unreadable", e);
        }
        return List.copyOf(out);
    }

    /** The entries of index.json; empty when none is bundled. */
    private static List<JsonNode> index() {
        if (!Assets.exists(INDEX)) {
            return List.of();
        }
        try (InputStream in = Assets.open(INDEX)) {
            List<JsonNode> out = new ArrayList<>();
            Json.MAPPER.readTree(in).path("examples").forEach(out::add);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("bundled " + INDEX + " is unreadable", e);
        }
    }

    private static List<String> indexedIds() {
        return index().stream().map(e -> e.path("id").asText()).toList();
    }

    public static Optional<Example> find(String id) {
        return list().stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** Opens example {@code id} as a checkpoint: data, config and a trainer that continues it. */
    public static Checkpoint.Loaded load(String id) throws IOException {
        // only the index: list() would read every bundled checkpoint to describe it
        if (!indexedIds().contains(id)) {
            throw new IllegalArgumentException("no bundled example '" + id + "'; examples: "
                    + String.join(", ", indexedIds()));
        }
        try (InputStream in = Assets.open(checkpointPath(id))) {
            return Checkpoint.load(in, "bundled example " + id);
        }
    }

    /** Its thumbnail (PNG bytes), when one is bundled. */
    public static Optional<byte[]> thumbnail(String id) {
        String path = FOLDER + id + ".png";
        if (!Assets.exists(path)) {
            return Optional.empty();
        }
        try (InputStream in = Assets.open(path)) {
            return Optional.of(in.readAllBytes());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static String checkpointPath(String id) {
        return FOLDER + id + Checkpoint.EXTENSION;
    }

    private static Example describe(JsonNode entry) throws IOException {
        String id = entry.path("id").asText();
        String path = checkpointPath(id);
        byte[] bytes;
        try (InputStream in = Assets.open(path)) {
            bytes = in.readAllBytes();
        }
        JsonNode m = Checkpoint.manifest(new java.io.ByteArrayInputStream(bytes), "bundled example " + id);
        @SuppressWarnings("unchecked")
        Map<String, Object> metrics = Json.MAPPER.convertValue(m.path("metrics"), LinkedHashMap.class);
        return new Example(id, entry.path("title").asText(id), m.path("dataset").asText(),
                entry.path("description").asText(""), metrics,
                entry.path("recipe").path("command").asText(m.path("recipe").path("command").asText("")),
                m.path("iteration").asLong(), bytes.length);
    }
}
