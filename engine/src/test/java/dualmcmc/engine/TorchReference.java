package dualmcmc.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dualmcmc.engine.io.Json;
import org.junit.jupiter.api.Assumptions;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the project's PyTorch scripts in bench/dualmcmc for the tests that compare the engine with
 * them, and compares their numbers. Such a test is skipped where PyTorch is not installed (CI
 * installs python3-torch).
 */
public final class TorchReference {
    private static final String PYTHON = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3"
            : "python3";
    private static final Path SCRIPTS = Path.of("..", "bench", "dualmcmc");

    private TorchReference() {
    }

    /** Skips the calling test unless this machine's Python has torch and numpy. */
    public static void assumeInstalled() {
        boolean ok;
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import torch, numpy").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            ok = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            ok = false;
        }
        Assumptions.assumeTrue(ok, "PyTorch is not installed for " + PYTHON);
    }

    /** Runs bench/dualmcmc/{@code script} with {@code args}; its standard output, which must be JSON. */
    public static JsonNode run(String script, String... args) throws Exception {
        String[] command = new String[args.length + 2];
        command[0] = PYTHON;
        command[1] = script;
        System.arraycopy(args, 0, command, 2, args.length);
        Process p = new ProcessBuilder(command).directory(SCRIPTS.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), script + " finished");
        assertEquals(0, p.exitValue(), script + "'s exit status");
        return Json.MAPPER.readTree(out);
    }

    /**
     * Every entry of {@code engine} within {@code tolerance} of torch's, relative to the larger of 1
     * and the value; {@code column} when torch gave one number per row.
     */
    public static void assertClose(String what, INDArray engine, JsonNode torch, boolean column, double tolerance) {
        float[][] e = engine.castTo(DataType.FLOAT).toFloatMatrix();
        assertEquals(e.length, torch.size(), what + ": rows");
        for (int i = 0; i < e.length; i++) {
            if (!column) {
                assertEquals(torch.get(i).size(), e[i].length, what + ": columns");
            }
            for (int j = 0; j < e[i].length; j++) {
                double theirs = column ? torch.get(i).asDouble() : torch.get(i).get(j).asDouble();
                assertEquals(theirs, e[i][j], tolerance * Math.max(1, Math.abs(theirs)),
                        what + " [" + i + "][" + j + "]");
            }
        }
    }
}
