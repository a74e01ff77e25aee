package dualmcmc.engine.report;

import com.fasterxml.jackson.databind.JsonNode;
import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.io.AtomicFiles;
import dualmcmc.engine.io.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One seed's finished report on disk, so a report over many seeds (hours on images) survives the
 * end of a session: a rerun with {@code --resume} reads the seeds already done instead of training
 * them again and gives the same tables. The file names the settings it was made with; a rerun with
 * other settings is refused rather than mixed in.
 *
 * <p>Every value is written with its type ({@code {"long": 250}}, {@code {"measured": ...}}), since
 * the tables compare labels by equality and tell figures from labels by type, and a non-finite
 * number is written as text ("NaN"), which plain JSON cannot hold.
 */
public final class SeedResults {
    private static final int FORMAT = 1;

    private SeedResults() {
    }

    /** Writes one seed's result atomically; {@code settings}: what must match for a rerun to reuse it. */
    public static void save(Path file, MiniatureReport.Result result, Map<String, Object> settings) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("settings", settings);
        m.put("methods", table(result.methods()));
        m.put("z_ablation", table(result.zAblation()));
        m.put("x_ablation", table(result.xAblation()));
        m.put("runs", result.runs().stream().map(SeedResults::run).toList());
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFiles.write(file, Json.write(m).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The result saved in {@code file}, or empty when there is none.
     *
     * @throws IllegalArgumentException when the file is not a seed's result or was made with other settings
     */
    public static Optional<MiniatureReport.Result> load(Path file, Map<String, Object> settings) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            JsonNode root = Json.MAPPER.readTree(file.toFile());
            if (root == null || root.path("format").asInt() != FORMAT) {
                throw new IllegalArgumentException("not a seed result of format " + FORMAT);
            }
            // through text, as the file went: valueToTree would keep a long as a long where reading gives an int
            JsonNode expected = Json.MAPPER.readTree(Json.write(settings));
            if (!expected.equals(root.path("settings"))) {
                throw new IllegalArgumentException("it was made with other settings ("
                        + differences(root.path("settings"), expected)
                        + "); use another --out, or leave out --resume to redo it");
            }
            List<MiniatureReport.Run> runs = new ArrayList<>();
            for (JsonNode r : array(root, "runs")) {
                runs.add(run(r));
            }
            return Optional.of(new MiniatureReport.Result(table(root.path("methods")), table(root.path("z_ablation")),
                    table(root.path("x_ablation")), runs));
        } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** "lr_e 1.0E-4 there, 0.002 here; budget 2 there, 3 here", nested settings by their own key. */
    private static String differences(JsonNode there, JsonNode here) {
        Map<String, JsonNode> a = flat(there, new LinkedHashMap<>());
        Map<String, JsonNode> b = flat(here, new LinkedHashMap<>());
        java.util.Set<String> keys = new java.util.LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        List<String> diffs = new ArrayList<>();
        for (String k : keys) {
            JsonNode x = a.get(k);
            JsonNode y = b.get(k);
            if (x == null || !x.equals(y)) {
                diffs.add(k + " " + (x == null ? "absent" : x) + " there, " + (y == null ? "absent" : y) + " here");
            }
        }
        return String.join("; ", diffs);
    }

    private static Map<String, JsonNode> flat(JsonNode n, Map<String, JsonNode> into) {
        n.fields().forEachRemaining(e -> {
            if (e.getValue().isObject()) {
                flat(e.getValue(), into);
            } else {
                into.put(e.getKey(), e.getValue());
            }
        });
        return into;
    }

    private static Map<String, Object> table(Table t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", t.title());
        m.put("header", t.header());
        m.put("rows", t.rows().stream().map(r -> r.stream().map(SeedResults::value).toList()).toList());
        return m;
    }

    private static Table table(JsonNode n) {
        List<String> header = new ArrayList<>();
        array(n, "header").forEach(h -> header.add(h.asText()));
        List<List<Object>> rows = new ArrayList<>();
        for (JsonNode r : array(n, "rows")) {
            List<Object> row = new ArrayList<>();
            r.forEach(c -> row.add(value(c)));
            rows.add(row);
        }
        return new Table(text(n, "title"), header, rows);
    }

    private static Map<String, Object> run(MiniatureReport.Run r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.name());
        m.put("config", r.config().values());
        m.put("iterations", r.iterations());
        Map<String, Object> eval = new LinkedHashMap<>();
        r.eval().forEach((k, v) -> eval.put(k, value(v)));
        m.put("eval", eval);
        Map<String, Object> replicates = new LinkedHashMap<>();
        r.replicates().forEach((k, v) -> replicates.put(k, numbers(v)));
        m.put("replicates", replicates);
        m.put("seconds_per_iteration", number(r.secondsPerIteration()));
        m.put("diverged", r.diverged());
        return m;
    }

    private static MiniatureReport.Run run(JsonNode n) {
        @SuppressWarnings("unchecked")
        Map<String, Object> config = Json.MAPPER.convertValue(n.path("config"), Map.class);
        Map<String, Object> eval = new LinkedHashMap<>();
        n.path("eval").fields().forEachRemaining(e -> eval.put(e.getKey(), value(e.getValue())));
        Map<String, double[]> replicates = new LinkedHashMap<>();
        n.path("replicates").fields().forEachRemaining(e -> replicates.put(e.getKey(), numbers(e.getValue())));
        JsonNode diverged = n.path("diverged");
        return new MiniatureReport.Run(text(n, "name"), new TrainingConfig(config), n.path("iterations").asLong(),
                eval, replicates, number(n.path("seconds_per_iteration")),
                diverged.isTextual() ? diverged.asText() : null);
    }

    /** A table cell or an evaluation figure, with its type. */
    private static Map<String, Object> value(Object v) {
        if (v instanceof Measured m) {
            Map<String, Object> measured = new LinkedHashMap<>();
            measured.put("value", number(m.value()));
            measured.put("replicates", m.replicates() == null ? null : numbers(m.replicates()));
            return Map.of("measured", measured);
        }
        if (v instanceof Double d) {
            return Map.of("double", number(d));
        }
        if (v instanceof Integer || v instanceof Long || v instanceof String || v instanceof Boolean) {
            return Map.of(v.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT), v);
        }
        throw new IllegalArgumentException("a report cannot store a " + v.getClass().getSimpleName() + ": " + v);
    }

    private static Object value(JsonNode n) {
        Iterator<Map.Entry<String, JsonNode>> fields = n.fields();
        if (!fields.hasNext()) {
            throw new IllegalArgumentException("a value without its type: " + n);
        }
        Map.Entry<String, JsonNode> e = fields.next();
        JsonNode v = e.getValue();
        return switch (e.getKey()) {
            case "measured" -> new Measured(number(v.path("value")),
                    v.path("replicates").isArray() ? numbers(v.path("replicates")) : null);
            case "double" -> number(v);
            case "integer" -> v.asInt();
            case "long" -> v.asLong();
            case "string" -> v.asText();
            case "boolean" -> v.asBoolean();
            default -> throw new IllegalArgumentException("unknown value type " + e.getKey());
        };
    }

    private static Object number(double d) {
        return Double.isFinite(d) ? (Object) d : Double.toString(d);
    }

    private static double number(JsonNode n) {
        if (n.isNumber()) {
            return n.asDouble();
        }
        if (n.isTextual()) {
            return Double.parseDouble(n.asText());
        }
        throw new IllegalArgumentException("not a number: " + n);
    }

    private static List<Object> numbers(double[] values) {
        List<Object> l = new ArrayList<>(values.length);
        for (double d : values) {
            l.add(number(d));
        }
        return l;
    }

    private static double[] numbers(JsonNode n) {
        double[] d = new double[n.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = number(n.get(i));
        }
        return d;
    }

    /** The array under {@code field}; unlike withArray, a missing one is an error, not a new empty array. */
    private static JsonNode array(JsonNode n, String field) {
        JsonNode v = n.path(field);
        if (!v.isArray()) {
            throw new IllegalArgumentException("no array '" + field + "' in " + n);
        }
        return v;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        if (!v.isTextual()) {
            throw new IllegalArgumentException("no text '" + field + "' in " + n);
        }
        return v.asText();
    }
}
