package dualmcmc.engine.report;

import dualmcmc.engine.config.Presets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A seed's report read back is the report written: every cell with its type, NaN included. */
class SeedResultsTest {
    @TempDir
    Path tmp;

    private static final Map<String, Object> SETTINGS = Map.of("budget", 250L, "dataset", "digits");

    private static MiniatureReport.Result result() {
        Table methods = new Table("Methods", List.of("method", "iterations", "fd", "seconds"), List.of(
                List.of("dual-mcmc", 250L, new Measured(12.5, new double[]{12.0, 13.1}), 0.4),
                List.of("short-run", 250L, Measured.MISSING, Double.NaN)));
        Table z = new Table("z", List.of("init", "steps", "mse"),
                List.of(List.of("noise", 10, new Measured(0.18, new double[]{0.17, Double.POSITIVE_INFINITY}))));
        Table x = new Table("x", List.of("k_x", "fd"), List.of(List.of(30, new Measured(12.5, null))));
        Map<String, Object> eval = new LinkedHashMap<>();
        eval.put("dataset", "digits");
        eval.put("samples", 60);
        eval.put("mse_inference", Double.NaN);
        MiniatureReport.Run run = new MiniatureReport.Run("dual-mcmc", Presets.get("digits8"), 250, eval,
                Map.of("fd_revised", new double[]{1.5, 2.5}), 0.4, "diverged at 7");
        return new MiniatureReport.Result(methods, z, x, List.of(run));
    }

    @Test
    void aResultReadBackIsTheResultWritten() throws Exception {
        Path file = tmp.resolve("results/seed-3.json");
        MiniatureReport.Result r = result();
        SeedResults.save(file, r, SETTINGS);
        MiniatureReport.Result back = SeedResults.load(file, new LinkedHashMap<>(SETTINGS)).orElseThrow();
        for (int t = 0; t < 3; t++) {
            Table a = List.of(r.methods(), r.zAblation(), r.xAblation()).get(t);
            Table b = List.of(back.methods(), back.zAblation(), back.xAblation()).get(t);
            assertEquals(a.csv(), b.csv());
            assertEquals(a.markdown(), b.markdown());
            for (int i = 0; i < a.rows().size(); i++) {
                for (int c = 0; c < a.header().size(); c++) {
                    Object x = a.rows().get(i).get(c);
                    Object y = b.rows().get(i).get(c);
                    assertEquals(x.getClass(), y.getClass(), "types survive: " + x);
                    if (x instanceof Measured m) {
                        assertEquals(m.value(), ((Measured) y).value());
                        assertArrayEquals(m.replicates(), ((Measured) y).replicates());
                    } else {
                        assertEquals(x, y);
                    }
                }
            }
        }
        MiniatureReport.Run run = back.runs().get(0);
        assertEquals(r.runs().get(0).config(), run.config());
        assertEquals(r.runs().get(0).eval(), run.eval());
        assertArrayEquals(new double[]{1.5, 2.5}, run.replicates().get("fd_revised"));
        assertEquals("diverged at 7", run.diverged());
    }

    @Test
    void noFileIsNoResultAndABadFileIsRefusedByName() throws Exception {
        Path file = tmp.resolve("seed-0.json");
        assertTrue(SeedResults.load(file, SETTINGS).isEmpty());
        Files.writeString(file, "{\"format\": 1, \"settings\": ");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SeedResults.load(file, SETTINGS));
        assertTrue(e.getMessage().startsWith(file + " is not valid JSON"), e.getMessage());
        Files.writeString(file, "[1, 2]");
        e = assertThrows(IllegalArgumentException.class, () -> SeedResults.load(file, SETTINGS));
        assertTrue(e.getMessage().contains("not a seed result"), e.getMessage());
        SeedResults.save(file, result(), SETTINGS);
        e = assertThrows(IllegalArgumentException.class,
                () -> SeedResults.load(file, Map.of("budget", 300L, "dataset", "digits")));
        assertTrue(e.getMessage().contains("budget 250 there, 300 here"), e.getMessage());
        Files.writeString(file, Files.readString(file).replace("{\"long\":250}", "{\"complex\":250}"));
        e = assertThrows(IllegalArgumentException.class, () -> SeedResults.load(file, SETTINGS));
        assertTrue(e.getMessage().contains("unknown value type complex"), e.getMessage());
    }
}
