package dualmcmc.engine.export;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dualmcmc.engine.io.AtomicFiles;
import dualmcmc.engine.io.Json;
import dualmcmc.engine.mcmc.ChainTrace;
import dualmcmc.engine.progress.IterationStats;
import dualmcmc.engine.util.OneLine;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Numbers out as CSV: a chain's profile (energy or MSE per step, mean and per chain) and training
 * curves. A header line, comma separators, and numbers as Java prints them ('.' decimal point and
 * full round-trip precision whatever the locale), so spreadsheets, pandas and R read them back.
 */
public final class CsvExport {
    /**
     * One JSON object a line and nothing after it: two objects run together where a line break
     * was lost would otherwise export the first and drop the second unseen.
     */
    private static final ObjectReader LINE_READER =
            Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private CsvExport() {
    }

    /** Columns step, mean, chain_0 .. chain_{N-1}; one row per step 0..k. */
    public static String trace(ChainTrace t) {
        List<String> header = new ArrayList<>(List.of("step", "mean"));
        for (int c = 0; c < t.chains(); c++) {
            header.add("chain_" + c);
        }
        StringBuilder sb = new StringBuilder();
        line(sb, header);
        for (int k = 0; k <= t.steps(); k++) {
            List<Object> row = new ArrayList<>(List.of(k, t.mean(k)));
            for (int c = 0; c < t.chains(); c++) {
                row.add(t.value(k, c));
            }
            line(sb, row);
        }
        return sb.toString();
    }

    public static void writeTrace(Path out, ChainTrace t) throws IOException {
        write(out, trace(t));
    }

    /** Training curves: columns iteration, epoch, errE, errG, errI, energy_data, energy_samples, seconds. */
    public static String curves(List<IterationStats> stats) {
        if (stats.isEmpty()) {
            throw new IllegalArgumentException("no training iterations to export");
        }
        return table(stats.stream().map(IterationStats::toMap).toList());
    }

    public static void writeCurves(Path out, List<IterationStats> stats) throws IOException {
        write(out, curves(stats));
    }

    /**
     * The curves of a run's {@code metrics.jsonl}: the same columns, then any evaluations logged
     * with them, flattened (e.g. {@code eval.revised.hq}); a cell is empty where a line lacks it.
     */
    public static String metrics(Path metricsJsonl) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(metricsJsonl, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no training curves: " + metricsJsonl + " does not exist");
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(metricsJsonl + " is not UTF-8 text: damaged, or not what train wrote");
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = LINE_READER.readTree(lines.get(i));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException(metricsJsonl + " line " + (i + 1) + " is not JSON: "
                        + OneLine.clean(e.getOriginalMessage()));
            }
            if (!node.isObject()) {
                throw new IllegalArgumentException(metricsJsonl + " line " + (i + 1) + " is not a JSON object of"
                        + " named values but " + OneLine.quote(lines.get(i)));
            }
            Map<String, Object> row = new LinkedHashMap<>();
            flatten("", node, row);
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no training curves: " + metricsJsonl + " is empty");
        }
        return table(rows);
    }

    /** Writes the CSV of a metrics.jsonl file; returns its number of rows. */
    public static int writeMetrics(Path metricsJsonl, Path out) throws IOException {
        String csv = metrics(metricsJsonl);
        write(out, csv);
        return (int) csv.lines().count() - 1;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, Object> into) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                flatten(prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey(), f.getValue(), into);
            }
        } else if (node.isIntegralNumber()) {
            into.put(prefix, node.asLong());
        } else if (node.isNumber()) {
            into.put(prefix, node.asDouble());
        } else if (!node.isNull()) {
            into.put(prefix, node.isValueNode() ? node.asText() : node.toString());
        }
    }

    /** Rows of named values as a table whose columns are all names, in order of first appearance. */
    private static String table(List<Map<String, Object>> rows) {
        Set<String> columns = new LinkedHashSet<>();
        rows.forEach(r -> columns.addAll(r.keySet()));
        StringBuilder sb = new StringBuilder();
        line(sb, new ArrayList<>(columns));
        for (Map<String, Object> r : rows) {
            line(sb, columns.stream().map(r::get).toList());
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(cell(cells.get(i)));
        }
        sb.append('\n');
    }

    /** Numbers via toString (locale-free, exact); text quoted when it holds a separator or quote. */
    static String cell(Object v) {
        if (v == null) {
            return "";
        }
        String s = v.toString();
        if (v instanceof Number || v instanceof Boolean) {
            return s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    private static void write(Path out, String csv) throws IOException {
        AtomicFiles.write(out, csv.getBytes(StandardCharsets.UTF_8));
    }
}
