package dualmcmc.engine.export;

import dualmcmc.engine.mcmc.ChainInit;
import dualmcmc.engine.mcmc.ChainKind;
import dualmcmc.engine.mcmc.ChainTrace;
import dualmcmc.engine.mcmc.Traces;
import dualmcmc.engine.progress.IterationStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvExportTest {
    /** Rows of cells; the writer quotes no numbers, so a plain split reads them. */
    static List<String[]> parse(String csv) {
        return csv.lines().map(l -> l.split(",", -1)).toList();
    }

    @Test
    void aTraceRoundTripsExactlyWithAPointDecimalUnderAGermanLocale(@TempDir Path dir) throws Exception {
        double[][] values = {{1.5, -2.25e-7, 3.0}, {0.1, 12345.678, -1.0 / 3}, {Math.PI, 2e10, 0.0}};
        ChainTrace t = Traces.of(ChainKind.Z, ChainInit.NOISE, values, new float[3][0][], new float[3][0][]);
        Locale old = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            Path out = dir.resolve("profile.csv");
            CsvExport.writeTrace(out, t);
            List<String[]> rows = parse(Files.readString(out));
            assertEquals(List.of("step", "mean", "chain_0", "chain_1", "chain_2"), List.of(rows.get(0)));
            assertEquals(4, rows.size(), "header and steps 0..2");
            for (int k = 0; k <= 2; k++) {
                String[] r = rows.get(k + 1);
                assertEquals(5, r.length, "a German decimal comma would split cells: " + String.join("|", r));
                assertEquals(k, Integer.parseInt(r[0]));
                assertEquals(t.mean(k), Double.parseDouble(r[1]));
                for (int c = 0; c < 3; c++) {
                    assertEquals(values[k][c], Double.parseDouble(r[2 + c]));
                }
            }
        } finally {
            Locale.setDefault(old);
        }
    }

    @Test
    void curvesOfIterationStatsHaveOneRowPerIteration() {
        List<IterationStats> stats = List.of(new IterationStats(10, 0, 0.5, 1.25, 2.0, -3.0, 4.5, 0.012),
                new IterationStats(20, 1, 0.25, 1.0, 1.5, -2.0, 3.5, 0.011));
        List<String[]> rows = parse(CsvExport.curves(stats));
        assertEquals(List.of("iteration", "epoch", "errE", "errG", "errI", "energy_data", "energy_samples", "seconds"),
                List.of(rows.get(0)));
        assertEquals(List.of("20", "1", "0.25", "1.0", "1.5", "-2.0", "3.5", "0.011"), List.of(rows.get(2)));
        assertThrows(IllegalArgumentException.class, () -> CsvExport.curves(List.of()));
    }

    @Test
    void metricsJsonlIsFlattenedWithEvaluationsWhereLogged(@TempDir Path dir) throws Exception {
        Path jsonl = dir.resolve("metrics.jsonl");
        Files.writeString(jsonl, String.join("\n",
                "{\"iteration\":10,\"epoch\":0,\"errE\":0.5,\"errG\":1.0,\"errI\":2.0,\"energy_data\":-1.0,"
                        + "\"energy_samples\":1.0,\"seconds\":0.01}",
                "{\"iteration\":20,\"epoch\":0,\"errE\":0.4,\"errG\":0.9,\"errI\":1.9,\"energy_data\":-1.1,"
                        + "\"energy_samples\":0.9,\"seconds\":0.02,\"eval\":{\"dataset\":\"ring8\",\"samples\":300,"
                        + "\"generator\":{\"modes\":7,\"hq\":0.5,\"kl\":0.1},\"revised\":{\"modes\":8,\"hq\":0.875,\"kl\":0.05}}}",
                ""));
        Path out = dir.resolve("curves.csv");
        assertEquals(2, CsvExport.writeMetrics(jsonl, out));
        List<String[]> rows = parse(Files.readString(out));
        List<String> header = List.of(rows.get(0));
        assertEquals(List.of("iteration", "epoch", "errE", "errG", "errI", "energy_data", "energy_samples", "seconds"),
                header.subList(0, 8));
        int hq = header.indexOf("eval.revised.hq");
        assertTrue(hq > 0 && header.contains("eval.generator.modes"), header.toString());
        assertEquals("", rows.get(1)[hq], "no evaluation at iteration 10");
        assertEquals(0.875, Double.parseDouble(rows.get(2)[hq]));
        assertEquals("7", rows.get(2)[header.indexOf("eval.generator.modes")]);
        assertEquals("20", rows.get(2)[0]);
    }

    @Test
    void missingOrBrokenMetricsGetAClearMessage(@TempDir Path dir) throws Exception {
        var missing = assertThrows(IllegalArgumentException.class, () -> CsvExport.metrics(dir.resolve("metrics.jsonl")));
        assertTrue(missing.getMessage().contains("metrics.jsonl"), missing.getMessage());
        Path broken = dir.resolve("broken.jsonl");
        Files.writeString(broken, "{\"iteration\":1}\n{oops\n");
        var bad = assertThrows(IllegalArgumentException.class, () -> CsvExport.metrics(broken));
        assertTrue(bad.getMessage().contains("line 2"), bad.getMessage());
    }

    @Test
    void aLineOfTwoObjectsRunTogetherOrOfABareValueIsRefusedNotHalfExported(@TempDir Path dir) throws Exception {
        Path joined = dir.resolve("metrics.jsonl");
        Files.writeString(joined, "{\"iteration\":1}\n{\"iteration\":2}{\"iteration\":3}\n");
        var twoObjects = assertThrows(IllegalArgumentException.class, () -> CsvExport.metrics(joined));
        assertTrue(twoObjects.getMessage().contains("line 2"), twoObjects.getMessage());
        Files.writeString(joined, "{\"iteration\":1}\n42\n");
        var bare = assertThrows(IllegalArgumentException.class, () -> CsvExport.metrics(joined));
        assertTrue(bare.getMessage().contains("line 2") && bare.getMessage().contains("not a JSON object"),
                bare.getMessage());
    }

    @Test
    void textCellsWithSeparatorsAreQuoted() {
        assertEquals("\"a,b\"", CsvExport.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvExport.cell("say \"hi\""));
        assertEquals("plain", CsvExport.cell("plain"));
        assertEquals("", CsvExport.cell(null));
        assertEquals("-2.5E-7", CsvExport.cell(-2.5e-7));
    }
}
