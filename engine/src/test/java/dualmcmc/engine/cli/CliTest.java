package dualmcmc.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dualmcmc.engine.io.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CLI contract: JSON on stdout, progress on stderr, status 2 and one line for a bad argument. */
class CliTest {
    @TempDir
    static Path tmp;
    static Path run;

    record Result(int status, String out, String err) {
        JsonNode json() throws Exception {
            return Json.MAPPER.readTree(out);
        }
    }

    static Result cli(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int status = Main.run(args);
            return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @BeforeAll
    static void trainASmallRun() {
        run = tmp.resolve("ring8");
        Result r = cli("train", "--dataset", "ring8", "--iterations", "20", "--seed", "3", "--out", run.toString(),
                "--set", "width=16", "--set", "batch=64", "--log-every", "5", "--eval-samples", "200");
        assertEquals(0, r.status(), r.err());
    }

    @Test
    void trainWritesModelsMetricsAndASummary() throws Exception {
        assertTrue(Files.exists(run.resolve("model.dmcx")));
        assertEquals(4, Files.readAllLines(run.resolve("metrics.jsonl")).size());
        JsonNode line = Json.MAPPER.readTree(Files.readAllLines(run.resolve("metrics.jsonl")).get(3));
        assertEquals(20, line.get("iteration").asInt());
        assertTrue(line.has("errE") && line.has("errG") && line.has("errI"));
        JsonNode summary = Json.MAPPER.readTree(Files.readString(run.resolve("summary.json")));
        assertEquals(20, summary.get("iterations").asInt());
        assertTrue(summary.at("/eval/generator/modes").isInt() && summary.at("/eval/revised/hq").isNumber());
        JsonNode manifest = dualmcmc.engine.io.Checkpoint.load(run.resolve("model.dmcx")).manifest();
        assertEquals("dualmcmc train --dataset ring8 --iterations 20 --seed 3 --out " + run
                        + " --set width=16 --set batch=64 --log-every 5 --eval-samples 200",
                manifest.at("/recipe/command").asText(), "the checkpoint says how to make it again");
    }

    @Test
    void evalPrintsModeStatisticsForMixtures() throws Exception {
        Result r = cli("eval", "--run", run.toString(), "--samples", "300", "--seed", "1");
        assertEquals(0, r.status(), r.err());
        JsonNode j = r.json();
        assertEquals("ring8", j.get("dataset").asText());
        assertEquals(300, j.get("samples").asInt());
        for (String which : new String[]{"generator", "revised"}) {
            int modes = j.at("/" + which + "/modes").asInt(-1);
            double hq = j.at("/" + which + "/hq").asDouble(-1);
            assertTrue(modes >= 0 && modes <= 8 && hq >= 0 && hq <= 1, j.toString());
        }
        assertEquals(r.out(), cli("eval", "--run", run.toString(), "--samples", "300", "--seed", "1").out(),
                "same seed, same numbers");
    }

    @Test
    void chainsPrintsAProfileOfKPlusOneSteps() throws Exception {
        Result x = cli("chains", "--run", run.toString(), "--kind", "x", "--init", "generator", "--steps", "7",
                "--chains", "16", "--seed", "2");
        assertEquals(0, x.status(), x.err());
        assertEquals(8, x.json().get("profile").size());
        assertEquals("x", x.json().get("kind").asText());
        Result z = cli("chains", "--run", run.toString(), "--kind", "z", "--init", "noise", "--steps", "4",
                "--chains", "16", "--seed", "2");
        assertEquals(0, z.status(), z.err());
        assertEquals(5, z.json().get("profile").size());
        assertEquals("noise", z.json().get("init").asText());
    }

    @Test
    void resumeContinuesACheckpointAndCommandsTakeCheckpointFiles() throws Exception {
        Path more = tmp.resolve("more");
        Result r = cli("train", "--resume", run.resolve("model.dmcx").toString(), "--iterations", "5",
                "--out", more.toString(), "--eval-samples", "100", "--log-every", "5");
        assertEquals(0, r.status(), r.err());
        assertEquals(25, r.json().get("iterations").asInt());
        Result x = cli("chains", "--checkpoint", more.resolve("model.dmcx").toString(), "--kind", "x",
                "--init", "noise", "--steps", "2", "--chains", "4");
        assertEquals(0, x.status(), x.err());
        assertEquals(2, cli("train", "--resume", run.resolve("model.dmcx").toString(), "--dataset", "ring8",
                "--iterations", "1", "--out", more.toString()).status());
    }

    @Test
    void trainGivesTheSameNumbersOnOneAndTwoThreads() throws Exception {
        JsonNode[] finals = new JsonNode[2];
        for (int threads = 1; threads <= 2; threads++) {
            Result r = cli("train", "--dataset", "ring8", "--iterations", "3", "--seed", "4", "--out",
                    tmp.resolve("threads-" + threads).toString(), "--set", "width=16", "--set", "batch=300",
                    "--set", "x_steps=3", "--set", "z_steps=2", "--eval-samples", "100", "--threads", "" + threads);
            assertEquals(0, r.status(), r.err());
            assertEquals(threads, r.json().get("threads").asInt(), "a batch of 300 points makes 3 blocks");
            finals[threads - 1] = r.json().get("final");
        }
        for (String k : new String[]{"errE", "errG", "errI", "energy_data", "energy_samples"}) {
            assertEquals(finals[0].get(k).asDouble(), finals[1].get(k).asDouble(), k);
        }
        assertEquals(2, cli("train", "--dataset", "ring8", "--iterations", "1", "--out", tmp.resolve("x").toString(),
                "--threads", "0").status());
    }

    @Test
    void tsneEmbedsTheLatentCodesOfARun() throws Exception {
        Result r = cli("tsne", "--run", run.toString(), "--n", "200", "--iterations", "300", "--seed", "1");
        assertEquals(0, r.status(), r.err());
        JsonNode j = r.json();
        assertEquals(200, j.get("n").asInt());
        assertEquals(2, j.get("dim").asInt(), "ring8's latent space is 2-D");
        assertTrue(j.get("knn_agreement").asDouble() > 0.0, "the modes are the labels: " + j);
        assertEquals(2, cli("tsne", "--run", run.toString(), "--input", "x.csv").status());
    }

    @Test
    void badArgumentsExitWithStatus2AndOneLine() {
        String[][] bad = {
                {"train", "--dataset", "nope", "--iterations", "1", "--out", tmp.resolve("x").toString()},
                {"train", "--dataset", "ring8", "--iterations", "1", "--out", tmp.resolve("x").toString(),
                        "--set", "x_step=-1"},
                {"train", "--dataset", "ring8", "--iterations", "abc", "--out", tmp.resolve("x").toString()},
                {"chains", "--run", tmp.resolve("missing").toString(), "--kind", "x", "--init", "noise"},
                {"chains", "--run", "whatever", "--kind", "w", "--init", "noise"},
                {"eval"},
        };
        for (String[] args : bad) {
            Result r = cli(args);
            assertEquals(2, r.status(), String.join(" ", args) + " -> " + r.err());
            assertEquals("", r.out());
            assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
            assertTrue(r.err().startsWith("error: "), r.err());
        }
        assertTrue(cli("train", "--dataset", "ring8", "--iterations", "1", "--out", tmp.resolve("x").toString(),
                "--set", "x_step=-1").err().contains("x_step must be (0, 10]"));
    }
}
