package dualmcmc.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The miniature of the paper's tables, end to end on a tiny budget: every run, every table, every claim checked. */
class ReportCommandTest {
    @TempDir
    Path tmp;

    @Test
    void aTinyReportHasTheTablesShapedLikeThePapers() throws Exception {
        Path out = tmp.resolve("report");
        CliTest.Result r = CliTest.cli("report", "--dataset", "digits", "--budget", "2", "--seed", "1", "--samples",
                "60", "--set", "width=8", "--set", "batch=16", "--set", "z_steps=2", "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        List<String> methods = Files.readAllLines(out.resolve("methods.csv"));
        assertEquals("method,iterations,fd_generator,fd_revised,mse,seconds_per_iteration", methods.get(0));
        assertEquals(6, methods.size(), "five methods: " + methods);
        String shortRun = methods.stream().filter(l -> l.startsWith("short-run,")).findFirst().orElseThrow();
        assertTrue(shortRun.startsWith("short-run,2,,"), "a short-run EBM has no generator FD and no MSE: " + shortRun);
        String abp = methods.stream().filter(l -> l.startsWith("abp,")).findFirst().orElseThrow();
        assertEquals("", abp.split(",", -1)[3], "ABP has no EBM to revise samples: " + abp);
        String dual = methods.stream().filter(l -> l.startsWith("dual-mcmc,")).findFirst().orElseThrow();
        for (String cell : dual.split(",", -1)) {
            assertFalse(cell.isEmpty(), "dual-MCMC has every figure: " + dual);
        }
        List<String> z = Files.readAllLines(out.resolve("z_ablation.csv"));
        assertEquals(List.of("init,steps,mse"), z.subList(0, 1));
        assertTrue(z.get(1).startsWith("noise,10,") && z.get(2).startsWith("noise,30,")
                && z.get(3).startsWith("inference,10,"), z.toString());
        List<String> x = Files.readAllLines(out.resolve("x_ablation.csv"));
        assertEquals(5, x.size());
        assertTrue(x.get(1).startsWith("10,") && x.get(4).startsWith("50,"), x.toString());
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("## Methods") && md.contains("## The paper's orderings") && md.contains("| - |"), md);
        JsonNode j = r.json();
        assertEquals(5, j.get("orderings").size());
        assertTrue(Files.exists(out.resolve("runs/dual-mcmc/model.dmcx")));
        assertTrue(Files.exists(out.resolve("runs/dual-mcmc_k_x-50/model.dmcx")));
    }
}
