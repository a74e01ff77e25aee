package dualmcmc.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dualmcmc.engine.cli.CliTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code export gif|png|profile|curves} end to end on a small ring8 run, through the CLI. */
class ExportCommandTest {
    @TempDir
    static Path tmp;
    static Path run;

    @BeforeAll
    static void trainASmallRun() {
        run = tmp.resolve("ring8");
        CliTest.Result r = cli("train", "--dataset", "ring8", "--iterations", "20", "--seed", "3", "--out",
                run.toString(), "--set", "width=16", "--set", "batch=64", "--log-every", "5", "--eval-every", "10",
                "--eval-samples", "200");
        assertEquals(0, r.status(), r.err());
    }

    static int gifFrames(Path gif) throws Exception {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            reader.setInput(in);
            return reader.getNumImages(true);
        } finally {
            reader.dispose();
        }
    }

    @Test
    void gifOfXAndZChains() throws Exception {
        Path x = tmp.resolve("x.gif");
        CliTest.Result r = cli("export", "gif", "--run", run.toString(), "--chain", "x", "--steps", "7",
                "--chains", "12", "--out", x.toString());
        assertEquals(0, r.status(), r.err());
        JsonNode j = r.json();
        assertEquals(4, j.get("frames").asInt(), "steps 0, 3, 6, 7");
        assertEquals("generator", j.get("init").asText(), "x-chains start from the generator by default");
        assertEquals(4, gifFrames(x));
        Path z = tmp.resolve("z.gif");
        r = cli("export", "gif", "--checkpoint", run.resolve("model.dmcx").toString(), "--chain", "z", "--steps", "4",
                "--chains", "8", "--every", "2", "--delay-ms", "200", "--out", z.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("inference", r.json().get("init").asText());
        assertEquals(3, gifFrames(z), "steps 0, 2, 4");
    }

    @Test
    void pngOfTheRequestedSize() throws Exception {
        Path png = tmp.resolve("samples.png");
        CliTest.Result r = cli("export", "png", "--run", run.toString(), "--size", "256", "--out", png.toString());
        assertEquals(0, r.status(), r.err());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(256, img.getWidth());
        assertEquals(256, img.getHeight());
    }

    @Test
    void profileCsvHoldsTheChainsCommandsNumbers() throws Exception {
        Path csv = tmp.resolve("profile.csv");
        CliTest.Result r = cli("export", "profile", "--run", run.toString(), "--chain", "x", "--init", "noise",
                "--steps", "5", "--chains", "8", "--seed", "4", "--out", csv.toString());
        assertEquals(0, r.status(), r.err());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(7, lines.size(), "header and steps 0..5");
        assertEquals("step,mean,chain_0,chain_1,chain_2,chain_3,chain_4,chain_5,chain_6,chain_7", lines.get(0));
        JsonNode profile = cli("chains", "--run", run.toString(), "--kind", "x", "--init", "noise", "--steps", "5",
                "--chains", "8", "--seed", "4").json().get("profile");
        for (int k = 0; k <= 5; k++) {
            assertEquals(profile.get(k).asDouble(), Double.parseDouble(lines.get(k + 1).split(",")[1]), "step " + k);
        }
    }

    @Test
    void curvesOfARunDirectoryButNotOfABareCheckpoint() throws Exception {
        Path csv = tmp.resolve("curves.csv");
        CliTest.Result r = cli("export", "curves", "--run", run.toString(), "--out", csv.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(4, r.json().get("rows").asInt(), "iterations 5, 10, 15, 20");
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).startsWith("iteration,epoch,errE,errG,errI,energy_data,energy_samples,seconds"));
        assertTrue(lines.get(0).contains("eval.revised.hq"), lines.get(0));
        CliTest.Result bare = cli("export", "curves", "--checkpoint", run.resolve("model.dmcx").toString(),
                "--out", csv.toString());
        assertEquals(2, bare.status());
        assertTrue(bare.err().contains("metrics.jsonl"), bare.err());
    }

    @Test
    void badArgumentsExitWithStatus2AndOneLine() {
        String out = tmp.resolve("bad.out").toString();
        String[][] bad = {
                {"export"},
                {"export", "gif", "--run", run.toString(), "--chain", "w", "--out", out},
                {"export", "gif", "--run", run.toString(), "--chain", "x", "--init", "inference", "--out", out},
                {"export", "gif", "--run", run.toString(), "--chain", "x", "--every", "0", "--out", out},
                {"export", "gif", "--run", run.toString(), "--chain", "x"},
                {"export", "png", "--run", run.toString(), "--size", "10", "--out", out},
                {"export", "png", "--run", run.toString(), "--what", "nothing", "--out", out},
                {"export", "profile", "--run", tmp.resolve("missing").toString(), "--chain", "z", "--out", out},
                {"export", "curves", "--run", tmp.toString(), "--out", out},
        };
        for (String[] args : bad) {
            CliTest.Result r = cli(args);
            assertEquals(2, r.status(), String.join(" ", args) + " -> " + r.err());
            assertEquals("", r.out(), String.join(" ", args));
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
            assertTrue(r.err().startsWith("error: "), r.err());
        }
        assertFalse(Files.exists(tmp.resolve("bad.out")), "nothing written");
    }
}
