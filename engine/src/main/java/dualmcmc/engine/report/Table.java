package dualmcmc.engine.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small table rendered two ways: CSV for numbers a program reads back, Markdown for the report a
 * person reads. Missing figures (NaN: a method without that model) are empty in CSV and "-" in
 * Markdown, as the paper's tables show them. A cell is a plain value, a {@link Measured} figure of
 * one run (shown as its value) or a {@link Figure} over seeds (one CSV column per part of its
 * summary: mean, sd, min, max and the interval's ends).
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
        List<String> columns = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            if (!rows.isEmpty() && rows.get(0).get(c) instanceof Figure) {
                for (String part : Figure.CSV_PARTS) {
                    columns.add(header.get(c) + "_" + part);
                }
            } else {
                columns.add(header.get(c));
            }
        }
        StringBuilder sb = new StringBuilder(String.join(",", columns)).append('\n');
        for (List<Object> r : rows) {
            List<String> cells = new ArrayList<>();
            for (Object v : r) {
                if (v instanceof Figure f) {
                    f.csvParts().forEach(p -> cells.add(csvNumber(p)));
                } else {
                    cells.add(v instanceof Measured m ? csvNumber(m.value())
                            : v instanceof Double d ? csvNumber(d) : String.valueOf(v));
                }
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
                cells.add(v instanceof Measured m ? markdownNumber(m.value())
                        : v instanceof Double d ? markdownNumber(d) : String.valueOf(v));
            }
            sb.append(String.join(" | ", cells)).append(" |\n");
        }
        return sb.toString();
    }

    /** The number a cell holds for one run (a plain Double or a {@link Measured}), NaN for others. */
    static double number(Object cell) {
        return cell instanceof Measured m ? m.value() : cell instanceof Double d ? d : Double.NaN;
    }

    static boolean isNumber(Object cell) {
        return cell instanceof Measured || cell instanceof Double;
    }

    private static String csvNumber(double d) {
        return Double.isFinite(d) ? Double.toString(d) : "";
    }

    private static String markdownNumber(double d) {
        return Double.isFinite(d) ? String.format(Locale.ROOT, "%.4g", d) : "-";
    }
}
