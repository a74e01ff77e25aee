package dualmcmc.engine.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dualmcmc.engine.data.Assets;
import dualmcmc.engine.util.OneLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The pretrained models bundled in {@code assets/examples/}: {@code index.json} orders them and
 * gives each a title, a sentence and its recipe (the CLI command, seed and wall time that made
 * it); what is measured (metrics, iterations) is read from the checkpoint's own manifest, so the
 * gallery cannot disagree with the model it opens.
 */
public final class Examples {
    static final String FOLDER = "examples/";
    static final String INDEX = FOLDER + "index.json";
    /** An id becomes part of an asset path: nothing that could leave the examples folder. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    private static final ObjectReader INDEX_READER =
            Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

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
            return readIndex(in, "bundled " + INDEX);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /**
     * The entries of an index, each checked for what the gallery relies on: an id naming a bundled
     * checkpoint, text where text is shown. A damaged index is refused as a whole with what is
     * wrong, rather than showing part of the gallery or failing later on an entry's checkpoint.
     */
    static List<JsonNode> readIndex(InputStream in, String source) throws IOException {
        JsonNode root;
        try {
            root = INDEX_READER.readTree(in);
        } catch (JsonProcessingException e) {
            throw new IOException(source + ": not JSON (" + OneLine.clean(e.getOriginalMessage()) + ")", e);
        }
        JsonNode examples = root == null ? null : root.get("examples");
        if (examples == null || !examples.isArray()) {
            throw new IOException(source + ": no \"examples\" array at the top level");
        }
        List<JsonNode> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode entry : examples) {
            String where = source + ": entry " + (out.size() + 1);
            if (!entry.isObject()) {
                throw new IOException(where + " is not an object");
            }
            JsonNode id = entry.get("id");
            if (id == null || !id.isTextual() || !ID.matcher(id.asText()).matches()) {
                throw new IOException(where + " has no id of letters, digits, '-' and '_' (got "
                        + OneLine.clean(String.valueOf(id)) + ")");
            }
            if (!ids.add(id.asText())) {
                throw new IOException(where + " repeats the id " + OneLine.quote(id.asText()));
            }
            if (!Assets.exists(checkpointPath(id.asText()))) {
                throw new IOException(where + " is " + OneLine.quote(id.asText()) + " but "
                        + checkpointPath(id.asText()) + " is not bundled");
            }
            requireText(where, entry, "title");
            requireText(where, entry, "description");
            requireText(where, entry.path("recipe"), "command");
            out.add(entry);
        }
        return out;
    }

    private static void requireText(String where, JsonNode node, String field) throws IOException {
        JsonNode value = node.get(field);
        if (value != null && !value.isTextual()) {
            throw new IOException(where + " has a " + field + " that is not text");
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
