package dualmcmc.engine.progress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The iterations a run has reported, thinned so that it stays small however long the run: every
 * iteration is kept until {@link #capacity} are held, then every other one is dropped and only
 * every second (fourth, ...) later one is kept. Kept rows are spread evenly over the whole run, so
 * a checkpoint can carry its curves from iteration 1 at a bounded cost, and a resumed run keeps
 * thinning the same way (the stride travels with the rows).
 */
public final class TrainingHistory {
    /** Rows held at most; a checkpoint's manifest stays well under its 1 MB limit. */
    public static final int DEFAULT_CAPACITY = 1500;
    /** The columns of {@link #toMap()}'s rows, in order: the fields of {@link IterationStats}. */
    public static final List<String> COLUMNS = List.of("iteration", "epoch", "errE", "errG", "errI",
            "energy_data", "energy_samples", "seconds");

    private final int capacity;
    private final List<IterationStats> rows = new ArrayList<>();
    private long stride = 1;
    private long seen;

    public TrainingHistory() {
        this(DEFAULT_CAPACITY);
    }

    public TrainingHistory(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("a history holds at least 2 rows, not " + capacity);
        }
        this.capacity = capacity;
    }

    /** Adds one iteration's figures (or skips it, by the current stride). */
    public void add(IterationStats s) {
        seen++;
        if (seen > 1 && seen % stride != 0) {
            return;
        }
        rows.add(s);
        if (rows.size() > capacity) {
            List<IterationStats> kept = new ArrayList<>(rows.size() / 2 + 1);
            for (int i = 0; i < rows.size(); i += 2) {
                kept.add(rows.get(i));
            }
            rows.clear();
            rows.addAll(kept);
            stride *= 2;
        }
    }

    /** The kept rows, oldest first. */
    public List<IterationStats> rows() {
        return List.copyOf(rows);
    }

    public int size() {
        return rows.size();
    }

    /** One in how many reported iterations is kept now. */
    public long stride() {
        return stride;
    }

    public int capacity() {
        return capacity;
    }

    public TrainingHistory copy() {
        TrainingHistory h = new TrainingHistory(capacity);
        h.rows.addAll(rows);
        h.stride = stride;
        h.seen = seen;
        return h;
    }

    /** Forgets everything (new models). */
    public void clear() {
        rows.clear();
        stride = 1;
        seen = 0;
    }

    /**
     * As a checkpoint's manifest holds it: {@code columns}, {@code rows} (floats; non-finite
     * values as null, which JSON cannot spell otherwise), {@code stride} and {@code seen}.
     */
    public Map<String, Object> toMap() {
        List<List<Object>> out = new ArrayList<>(rows.size());
        for (IterationStats s : rows) {
            out.add(Arrays.asList(s.iteration(), s.epoch(), value(s.errE()), value(s.errG()), value(s.errI()),
                    value(s.energyData()), value(s.energySamples()), value(s.seconds())));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("columns", COLUMNS);
        m.put("stride", stride);
        m.put("seen", seen);
        m.put("rows", out);
        return m;
    }

    /**
     * Reads {@link #toMap()}'s form back. Anything malformed (other columns, a row of the wrong
     * length or with text in it, iterations going backwards, a stride that is not a power of two,
     * more rows than the capacity) is an IllegalArgumentException saying what.
     */
    public static TrainingHistory fromMap(Map<String, ?> m) {
        TrainingHistory h = new TrainingHistory();
        if (!COLUMNS.equals(m.get("columns"))) {
            throw new IllegalArgumentException("history: columns must be " + COLUMNS + ", not " + m.get("columns"));
        }
        long stride = longValue(m.get("stride"), "stride");
        long seen = longValue(m.get("seen"), "seen");
        if (stride < 1 || Long.bitCount(stride) != 1) {
            throw new IllegalArgumentException("history: stride must be a power of two, not " + stride);
        }
        if (!(m.get("rows") instanceof List<?> rows)) {
            throw new IllegalArgumentException("history: rows must be a list");
        }
        if (rows.size() > h.capacity) {
            throw new IllegalArgumentException("history: " + rows.size() + " rows, at most " + h.capacity);
        }
        if (seen < rows.size()) {
            throw new IllegalArgumentException("history: " + rows.size() + " rows kept of " + seen + " seen");
        }
        long last = 0;
        for (Object o : rows) {
            if (!(o instanceof List<?> r) || r.size() != COLUMNS.size()) {
                throw new IllegalArgumentException("history: each row has " + COLUMNS.size() + " values: " + o);
            }
            long it = longValue(r.get(0), "iteration");
            if (it <= last) {
                throw new IllegalArgumentException("history: iterations must increase (" + it + " after " + last + ")");
            }
            last = it;
            h.rows.add(new IterationStats(it, (int) longValue(r.get(1), "epoch"), doubleValue(r.get(2)),
                    doubleValue(r.get(3)), doubleValue(r.get(4)), doubleValue(r.get(5)), doubleValue(r.get(6)),
                    doubleValue(r.get(7))));
        }
        h.stride = stride;
        h.seen = seen;
        return h;
    }

    /** Floats: seven digits are all a curve needs, and they halve the manifest. */
    private static Object value(double v) {
        return Double.isFinite(v) ? (Object) (float) v : null;
    }

    private static long longValue(Object o, String what) {
        if (o instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.longValue() >= 0) {
            return n.longValue();
        }
        throw new IllegalArgumentException("history: " + what + " must be a whole number >= 0, not " + o);
    }

    private static double doubleValue(Object o) {
        if (o == null) {
            return Double.NaN;
        }
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("history: a value must be a number or null, not '" + o + "'");
    }
}
