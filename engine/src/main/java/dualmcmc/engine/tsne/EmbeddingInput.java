package dualmcmc.engine.tsne;

import dualmcmc.engine.io.Npy;
import dualmcmc.engine.util.OneLine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Points to embed, read from a CSV or a NumPy {@code .npy} file.
 *
 * <p>CSV: one point a row, comma-separated (tab or semicolon when the first line has no comma),
 * optionally quoted fields, an optional header (detected when a field other than the last is not a
 * number, or when the last is named {@code label}). The last column is a label when its header is
 * {@code label} (any case) or when any of its values is not a number. .npy: a 2-D, C-order,
 * little-endian float32 or float64 array (format versions 1 to 3); no labels.
 *
 * @param data   N x D values, all finite
 * @param labels one label per row, or null when the input has none
 */
public record EmbeddingInput(double[][] data, String[] labels) {

    public EmbeddingInput {
        if (data == null || data.length == 0) {
            throw new IllegalArgumentException("no data rows");
        }
        if (labels != null && labels.length != data.length) {
            throw new IllegalArgumentException(labels.length + " labels for " + data.length + " rows");
        }
    }

    /** Reads {@code file}: .npy by its extension, anything else as CSV. Bad input: IllegalArgumentException. */
    public static EmbeddingInput read(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        try {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("input file not found: " + file);
            }
            if (name.toLowerCase(Locale.ROOT).endsWith(".npy")) {
                return readNpy(file, Files.readAllBytes(file));
            }
            return readCsv(file, Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("input file not found: " + file, e);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new IllegalArgumentException(file + " is not a UTF-8 text CSV (use .npy for binary arrays)", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public int size() {
        return data.length;
    }

    public int dimension() {
        return data[0].length;
    }

    public boolean hasLabels() {
        return labels != null;
    }

    /** Labels as small integers, numbered in order of first appearance; null when there are no labels. */
    public int[] labelIds() {
        if (labels == null) {
            return null;
        }
        Map<String, Integer> ids = new LinkedHashMap<>();
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = ids.computeIfAbsent(labels[i], k -> ids.size());
        }
        return out;
    }

    /** A seeded random subset of {@code n} rows (kept in file order); all rows when n equals the size. */
    public EmbeddingInput subsample(int n, long seed) {
        if (n < 1 || n > data.length) {
            throw new IllegalArgumentException("cannot take " + n + " of " + data.length + " rows");
        }
        if (n == data.length) {
            return this;
        }
        int[] perm = Knn.range(data.length);
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            int j = i + rnd.nextInt(data.length - i);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int[] pick = Arrays.copyOf(perm, n);
        Arrays.sort(pick);
        double[][] d = new double[n][];
        String[] l = labels == null ? null : new String[n];
        for (int i = 0; i < n; i++) {
            d[i] = data[pick[i]];
            if (l != null) {
                l[i] = labels[pick[i]];
            }
        }
        return new EmbeddingInput(d, l);
    }

    // -- CSV ----------------------------------------------------------------------------------

    static EmbeddingInput readCsv(Path file, List<String> lines) {
        List<String[]> rows = new ArrayList<>();
        List<Integer> lineNo = new ArrayList<>();
        char sep = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i == 0 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            if (sep == 0) {
                sep = line.indexOf(',') >= 0 ? ',' : line.indexOf('\t') >= 0 ? '\t' : line.indexOf(';') >= 0 ? ';' : ',';
            }
            rows.add(split(line, sep, file, i + 1));
            lineNo.add(i + 1);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(file + " is empty");
        }
        String[] first = rows.get(0);
        int cols = first.length;
        boolean header = false;
        for (int c = 0; c < cols; c++) {
            boolean last = c == cols - 1;
            if ((!last || cols == 1) && !isNumber(first[c])) {
                header = true;
            }
        }
        if (first[cols - 1].equalsIgnoreCase("label")) {
            header = true;
        }
        int start = header ? 1 : 0;
        if (rows.size() <= start) {
            throw new IllegalArgumentException(file + " has a header but no data rows");
        }
        for (int r = start; r < rows.size(); r++) {
            if (rows.get(r).length != cols) {
                throw new IllegalArgumentException(file + " line " + lineNo.get(r) + " has " + rows.get(r).length
                        + " fields, expected " + cols);
            }
        }
        boolean labelled = header && first[cols - 1].equalsIgnoreCase("label");
        if (!labelled && cols >= 2) {
            for (int r = start; r < rows.size() && !labelled; r++) {
                labelled = !isNumber(rows.get(r)[cols - 1]);
            }
        }
        int dims = labelled ? cols - 1 : cols;
        if (dims < 1) {
            throw new IllegalArgumentException(file + " has no numeric feature columns");
        }
        int n = rows.size() - start;
        double[][] data = new double[n][dims];
        String[] labels = labelled ? new String[n] : null;
        for (int r = 0; r < n; r++) {
            String[] f = rows.get(r + start);
            for (int c = 0; c < dims; c++) {
                double v;
                try {
                    v = Double.parseDouble(f[c]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + " line " + lineNo.get(r + start) + " column " + (c + 1)
                            + columnName(header, first, c) + ": " + OneLine.quote(f[c]) + " is not a number");
                }
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(file + " line " + lineNo.get(r + start) + " column " + (c + 1)
                            + columnName(header, first, c) + ": " + OneLine.quote(f[c]) + " is not finite");
                }
                data[r][c] = v;
            }
            if (labels != null) {
                labels[r] = f[cols - 1];
            }
        }
        return new EmbeddingInput(data, labels);
    }

    private static String columnName(boolean header, String[] first, int c) {
        return header ? " (" + OneLine.quote(first[c]) + ")" : "";
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty()) {
            return false;
        }
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Splits one CSV line on {@code sep}, honouring double quotes ("" inside quotes is a quote). */
    private static String[] split(String line, char sep, Path file, int lineNo) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == sep) {
                out.add(cur.toString().trim());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException(file + " line " + lineNo + " has an unterminated quote");
        }
        out.add(cur.toString().trim());
        return out.toArray(String[]::new);
    }

    // -- NPY ----------------------------------------------------------------------------------

    static EmbeddingInput readNpy(Path file, byte[] bytes) {
        Npy.Header h = Npy.header(bytes, file.toString());
        long[] shape = h.shape();
        if (shape.length != 2) {
            throw new IllegalArgumentException(file + " holds a " + shape.length + "-D array of shape "
                    + h.shapeText() + "; expected a 2-D array (points x features)");
        }
        long rows = shape[0], cols = shape[1];
        if (rows == 0 || cols == 0) {
            throw new IllegalArgumentException(file + " holds an empty array of shape (" + rows + ", " + cols + ")");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        double[][] data = new double[(int) rows][(int) cols];
        int pos = h.dataStart();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double v = h.itemSize() == 8 ? buf.getDouble(pos) : buf.getFloat(pos);
                pos += h.itemSize();
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(file + " row " + r + " column " + c + " is not finite (" + v + ")");
                }
                data[r][c] = v;
            }
        }
        return new EmbeddingInput(data, null);
    }
}
