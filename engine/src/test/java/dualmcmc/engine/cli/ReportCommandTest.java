package dualmcmc.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The miniature of the paper's tables, end to end on a tiny budget: every run, every table, every claim checked. */
class ReportCommandTest {
    @TempDir
    Path tmp;

    private static final List<String> TINY = List.of("--dataset", "digits", "--budget", "2", "--samples", "60",
            "--bootstrap", "50", "--set", "width=8", "--set", "batch=16", "--set", "z_steps=2");

    private static CliTest.Result report(Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("report"));
        args.addAll(TINY);
        args.addAll(List.of(more));
        args.addAll(List.of("--out", out.toString()));
        return CliTest.cli(args.toArray(String[]::new));
    }

    private static final Set<String> OUTCOMES = Set.of("holds", "ties", "fails");

    @Test
    void aTinyReportHasTheTablesShapedLikeThePapers() throws Exception {
        Path out = tmp.resolve("report");
        CliTest.Result r = report(out, "--seed", "1");
        assertEquals(0, r.status(), r.err());
        List<String> methods = Files.readAllLines(out.resolve("methods.csv"));
        assertEquals("seed,method,iterations,fd_generator,fd_revised,mse,seconds_per_iteration", methods.get(0));
        assertEquals(6, methods.size(), "five methods: " + methods);
        String shortRun = methods.stream().filter(l -> l.startsWith("1,short-run,")).findFirst().orElseThrow();
        assertTrue(shortRun.startsWith("1,short-run,2,,"), "a short-run EBM has no generator FD and no MSE: " + shortRun);
        String abp = methods.stream().filter(l -> l.startsWith("1,abp,")).findFirst().orElseThrow();
        assertEquals("", abp.split(",", -1)[4], "ABP has no EBM to revise samples: " + abp);
        String dual = methods.stream().filter(l -> l.startsWith("1,dual-mcmc,")).findFirst().orElseThrow();
        for (String cell : dual.split(",", -1)) {
            assertFalse(cell.isEmpty(), "dual-MCMC has every figure: " + dual);
        }
        List<String> z = Files.readAllLines(out.resolve("z_ablation.csv"));
        assertEquals(List.of("seed,init,steps,mse"), z.subList(0, 1));
        assertTrue(z.get(1).startsWith("1,noise,10,") && z.get(2).startsWith("1,noise,30,")
                && z.get(3).startsWith("1,inference,10,"), z.toString());
        List<String> x = Files.readAllLines(out.resolve("x_ablation.csv"));
        assertEquals(5, x.size());
        assertTrue(x.get(1).startsWith("1,10,") && x.get(4).startsWith("1,50,"), x.toString());
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("## Methods") && md.contains("## The paper's orderings") && md.contains("| - |"), md);
        assertFalse(md.contains(" ± "), "one seed has no spread to show: " + md);
        JsonNode j = r.json();
        assertEquals(5, j.get("orderings").size());
        for (JsonNode o : j.get("orderings")) {
            assertTrue(OUTCOMES.contains(o.get("outcome").asText()), o.toString());
        }
        assertTrue(Files.exists(out.resolve("runs/dual-mcmc/model.dmcx")));
        assertTrue(Files.exists(out.resolve("runs/dual-mcmc_k_x-50/model.dmcx")));

        // two seeds: the second is the report of seed 1 above, run for run, beside that of seed 0
        Path two = tmp.resolve("two");
        CliTest.Result r2 = report(two, "--seed", "0", "--seeds", "2");
        assertEquals(0, r2.status(), r2.err());
        List<String> both = Files.readAllLines(two.resolve("methods.csv"));
        assertEquals(11, both.size(), both.toString());
        assertEquals(5, both.stream().filter(l -> l.startsWith("0,")).count(), both.toString());
        assertEquals(withoutTimes(methods.subList(1, 6)), withoutTimes(both.subList(6, 11)),
                "seed 1 of a two-seed report is the single-seed report of seed 1");
        assertEquals(withoutTimes(x.subList(1, 5)),
                withoutTimes(Files.readAllLines(two.resolve("x_ablation.csv")).subList(5, 9)));
        assertEquals(z.subList(1, 4), Files.readAllLines(two.resolve("z_ablation.csv")).subList(4, 7));

        List<String> summary = Files.readAllLines(two.resolve("methods_summary.csv"));
        assertTrue(summary.get(0).startsWith("method,iterations,fd_generator_mean,fd_generator_sd,fd_generator_min,"
                + "fd_generator_max,fd_generator_low,fd_generator_high,"), summary.get(0));
        String dualSummary = summary.stream().filter(l -> l.startsWith("dual-mcmc,")).findFirst().orElseThrow();
        double fdSeed0 = Double.parseDouble(both.get(1).split(",")[3]);
        double fdSeed1 = Double.parseDouble(dual.split(",")[3]);
        String[] cells = dualSummary.split(",");
        assertEquals((fdSeed0 + fdSeed1) / 2, Double.parseDouble(cells[2]), 1e-9, dualSummary);
        assertEquals(Math.abs(fdSeed0 - fdSeed1) / Math.sqrt(2), Double.parseDouble(cells[3]), 1e-9, dualSummary);
        assertEquals(Math.min(fdSeed0, fdSeed1), Double.parseDouble(cells[4]), 1e-12);
        assertEquals(Math.max(fdSeed0, fdSeed1), Double.parseDouble(cells[5]), 1e-12);
        assertTrue(Double.parseDouble(cells[6]) < Double.parseDouble(cells[7]), "an interval: " + dualSummary);
        String x30 = Files.readAllLines(two.resolve("x_ablation_summary.csv")).stream().filter(l -> l.startsWith("30,"))
                .findFirst().orElseThrow();
        assertEquals(List.of(cells).subList(8, 14), List.of(x30.split(",")).subList(7, 13),
                "dual-MCMC is the k_x = 30 run: one figure, one interval, in both tables");

        String md2 = Files.readString(two.resolve("report.md"));
        assertTrue(md2.contains("2 seeds (0 to 1)") && md2.contains(" ± "), md2);
        JsonNode j2 = r2.json();
        assertEquals("[0,1]", j2.get("seeds").toString());
        assertEquals(5, j2.get("orderings").size());
        for (JsonNode o : j2.get("orderings")) {
            assertTrue(OUTCOMES.contains(o.get("outcome").asText()), o.toString());
            assertTrue(md2.contains("**" + o.get("outcome").asText() + "**: " + o.get("claim").asText()), md2);
        }
        JsonNode kx = j2.get("orderings").get(4);
        assertEquals("revised FD falls as k_x grows", kx.get("claim").asText());
        assertEquals(3, kx.get("comparisons").size(), "one comparison per consecutive pair of k_x");
        assertTrue(Files.exists(two.resolve("runs/seed-0/dual-mcmc/model.dmcx")));
        assertTrue(Files.exists(two.resolve("runs/seed-1/dual-mcmc_k_x-50/model.dmcx")));

        // a session ended after seed 0: --resume reads it back and runs seed 1 alone, to the same tables
        List<String> zTwo = Files.readAllLines(two.resolve("z_ablation.csv"));
        Files.delete(two.resolve("results/seed-1.json"));
        CliTest.Result r3 = report(two, "--seed", "0", "--seeds", "2", "--resume");
        assertEquals(0, r3.status(), r3.err());
        assertEquals("[0]", r3.json().get("resumed_seeds").toString());
        assertTrue(r3.err().contains("seed 0: finished by an earlier run") && r3.err().contains("training dual-mcmc"),
                r3.err());
        assertEquals(withoutTimes(both), withoutTimes(Files.readAllLines(two.resolve("methods.csv"))));
        assertEquals(both.get(1), Files.readAllLines(two.resolve("methods.csv")).get(1),
                "the stored seed keeps even its time");
        assertEquals(zTwo, Files.readAllLines(two.resolve("z_ablation.csv")));
        assertEquals(j2.get("orderings"), r3.json().get("orderings"), "the same intervals and outcomes");
        assertTrue(Files.readString(two.resolve("report.md")).contains("Seeds 0 were finished by an earlier run"));

        // other settings are refused, not mixed in, and nothing is overwritten
        byte[] seed0 = Files.readAllBytes(two.resolve("results/seed-0.json"));
        CliTest.Result other = report(two, "--seed", "0", "--seeds", "2", "--resume", "--set", "lr_e=2e-3");
        assertEquals(2, other.status(), other.err());
        String error = other.err().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(error.contains("seed-0.json") && error.contains("lr_e 1.0E-4 there, 0.002 here"), other.err());
        assertEquals(1, other.err().strip().lines().filter(l -> l.startsWith("error")).count(), other.err());
        assertTrue(java.util.Arrays.equals(seed0, Files.readAllBytes(two.resolve("results/seed-0.json"))));
    }

    /** Rows without their last column, the seconds per iteration, which no two runs share. */
    private static List<String> withoutTimes(List<String> rows) {
        return rows.stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList();
    }

    @Test
    void badCountsAreRefusedInOneLine() {
        for (String[] bad : new String[][]{{"--seeds", "0"}, {"--bootstrap", "0"}, {"--seeds", "-2"}}) {
            CliTest.Result r = report(tmp.resolve("bad"), bad);
            assertEquals(2, r.status(), String.join(" ", bad) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains(bad[0]), r.err());
        }
    }
}
