package dualmcmc.engine.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small table rendered two ways: CSV for numbers a program reads back, Markdown for the report a
 * person reads. Missing figures (NaN: a method without that model) are empty in CSV and "-" in
 * Markdown, as the paper's tables show them.
 */
public record Table(String title, List<String> header, List<List<Object>> rows) {
    public Table {
        header = List.copyOf(header);
        List<List<Object>> copy = new ArrayList<>();
        for (List<Object> r : rows) {
            if (r.size() != header.size()) {
                throw new IllegalArgumentException("row " + r + " does not match header " + header);
            }
            copy.add(List.copyOf(r));
        }
        rows = List.copyOf(copy);
    }

    public String csv() {
        StringBuilder sb = new StringBuilder(String.join(",", header)).append('\n');
        for (List<Object> r : rows) {
            List<String> cells = new ArrayList<>();
            for (Object v : r) {
                cells.add(v instanceof Double d ? (Double.isFinite(d) ? Double.toString(d) : "") : String.valueOf(v));
            }
            sb.append(String.join(",", cells)).append('\n');
        }
        return sb.toString();
    }

    public String markdown() {
        StringBuilder sb = new StringBuilder("| ").append(String.join(" | ", header)).append(" |\n|");
        sb.append(" --- |".repeat(header.size())).append('\n');
        for (List<Object> r : rows) {
            sb.append("| ");
            List<String> cells = new ArrayList<>();
            for (Object v : r) {
                cells.add(v instanceof Double d ? (Double.isFinite(d) ? String.format(Locale.ROOT, "%.4g", d) : "-")
                        : String.valueOf(v));
            }
            sb.append(String.join(" | ", cells)).append(" |\n");
        }
        return sb.toString();
    }
}
