package dualmcmc.engine.train;

import dualmcmc.engine.progress.TrainingHistory;

import dualmcmc.engine.progress.IterationStats;

import com.fasterxml.jackson.core.type.TypeReference;
import dualmcmc.engine.io.Json;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingHistoryTest {
    private static IterationStats row(long it) {
        return new IterationStats(it, (int) (it / 10), Math.sin(it), 1.0 / it, it * 0.5, -0.1, -0.2, 0.03);
    }

    @Test
    void aLongRunIsKeptEvenlyFromItsFirstIterationWithinCapacity() {
        TrainingHistory h = new TrainingHistory(100);
        for (long it = 1; it <= 10_000; it++) {
            h.add(row(it));
            assertTrue(h.size() <= 100, "size " + h.size() + " at iteration " + it);
        }
        List<IterationStats> rows = h.rows();
        assertEquals(1, rows.get(0).iteration(), "the first iteration stays");
        assertEquals(128, h.stride(), "10,000 iterations in at most 100 rows: one in 128 (a power of two)");
        long gap = rows.get(2).iteration() - rows.get(1).iteration();
        for (int i = 2; i < rows.size(); i++) {
            assertEquals(gap, rows.get(i).iteration() - rows.get(i - 1).iteration(), "evenly spread");
        }
        assertTrue(rows.get(rows.size() - 1).iteration() > 10_000 - 2 * gap, "and up to the end");
    }

    @Test
    void aResumedHistoryThinsAsAnUninterruptedOne() throws Exception {
        TrainingHistory straight = new TrainingHistory();
        TrainingHistory first = new TrainingHistory();
        for (long it = 1; it <= 4_000; it++) {
            straight.add(row(it));
            first.add(row(it));
        }
        String json = Json.MAPPER.writeValueAsString(first.toMap());
        TrainingHistory resumed = TrainingHistory.fromMap(Json.MAPPER.readValue(json, new TypeReference<Map<String, Object>>() { }));
        for (long it = 4_001; it <= 9_000; it++) {
            straight.add(row(it));
            resumed.add(row(it));
        }
        assertEquals(straight.stride(), resumed.stride());
        List<Long> a = straight.rows().stream().map(IterationStats::iteration).toList();
        List<Long> b = resumed.rows().stream().map(IterationStats::iteration).toList();
        assertEquals(a, b);
        assertEquals((float) straight.rows().get(7).errE(), (float) resumed.rows().get(7).errE());
    }

    @Test
    void nonFiniteValuesRoundTripAsNull() throws Exception {
        TrainingHistory h = new TrainingHistory();
        h.add(new IterationStats(1, 0, Double.NaN, Double.POSITIVE_INFINITY, 1, 2, 3, 4));
        String json = Json.MAPPER.writeValueAsString(h.toMap());
        assertTrue(json.contains("null"), json);
        IterationStats back = TrainingHistory.fromMap(Json.MAPPER.readValue(json, new TypeReference<Map<String, Object>>() { }))
                .rows().get(0);
        assertTrue(Double.isNaN(back.errE()) && Double.isNaN(back.errG()));
        assertEquals(1.0, back.errI());
    }

    @Test
    void malformedHistoriesAreRefusedSayingWhat() {
        TrainingHistory h = new TrainingHistory();
        h.add(row(1));
        h.add(row(2));
        Map<String, Object> good = h.toMap();
        assertEquals(2, TrainingHistory.fromMap(good).size());

        assertRefused(with(good, "columns", List.of("iteration")), "columns");
        assertRefused(with(good, "stride", 3), "power of two");
        assertRefused(with(good, "stride", "x"), "stride");
        assertRefused(with(good, "seen", 1), "rows kept of 1 seen");
        assertRefused(with(good, "rows", "none"), "rows must be a list");
        List<Object> backwards = new ArrayList<>((List<?>) good.get("rows"));
        java.util.Collections.reverse(backwards);
        assertRefused(with(good, "rows", backwards), "increase");
        List<Object> shortRow = new ArrayList<>((List<?>) good.get("rows"));
        shortRow.set(1, List.of(2, 0));
        assertRefused(with(good, "rows", shortRow), "values");
        List<Object> text = new ArrayList<>((List<?>) good.get("rows"));
        text.set(1, List.of(2, 0, "a", 1, 1, 1, 1, 1));
        assertRefused(with(good, "rows", text), "number or null");
        List<Object> many = new ArrayList<>();
        for (int i = 1; i <= TrainingHistory.DEFAULT_CAPACITY + 1; i++) {
            many.add(List.of(i, 0, 1, 1, 1, 1, 1, 1));
        }
        assertRefused(with(with(good, "rows", many), "seen", 10_000), "at most");
    }

    private static Map<String, Object> with(Map<String, Object> m, String k, Object v) {
        Map<String, Object> out = new LinkedHashMap<>(m);
        out.put(k, v);
        return out;
    }

    private static void assertRefused(Map<String, Object> m, String says) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingHistory.fromMap(m));
        assertTrue(e.getMessage().contains(says), e.getMessage());
    }
}
