package dualmcmc.engine.mcmc;

import com.fasterxml.jackson.databind.JsonNode;
import dualmcmc.engine.config.LangevinSettings;
import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.io.Checkpoint;
import dualmcmc.engine.io.Examples;
import dualmcmc.engine.io.Json;
import dualmcmc.engine.model.ModelSet;
import dualmcmc.engine.model.Posterior;
import dualmcmc.engine.util.Nd4jSetup;
import dualmcmc.engine.util.Rng;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine and the project's PyTorch reference (bench/dualmcmc/torch_reference.py, the peer of
 * the benchmarks) compute the same numbers: on the bundled ring8 models, the three networks'
 * outputs and 30 noiseless steps of each revision agree to float precision. Skipped where PyTorch
 * is not installed (CI installs python3-torch).
 */
class PeerAgreementTest {
    private static final String PYTHON = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3"
            : "python3";
    private static final Path SCRIPT = Path.of("..", "bench", "dualmcmc", "check_engine.py");

    @Test
    void networksAndBothRevisionsMatchThePyTorchReference(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(torchInstalled(), "PyTorch is not installed for " + PYTHON);
        Nd4jSetup.init();
        Checkpoint.Loaded ring8 = Examples.load("ring8");
        ModelSet m = ring8.models();
        TrainingConfig cfg = ring8.config();
        Path models = tmp.resolve("ring8.dmcx");
        Checkpoint.save(models, ring8.trainer(), null, Map.of());
        INDArray x = ring8.data().subset(16, 3).x();
        INDArray z = Rng.derive(5, "peer").gaussian(16, m.latentSize());
        int xSteps = 30;
        int zSteps = 30;
        // the example's own s_z = 0.1 with sigma = 0.1 moves z by half the likelihood's gradient per
        // step: some of its noiseless chains jump about, and float rounding alone then parts two
        // implementations by whole units within ten steps; a smaller step contracts, so the rule shows
        double zStep = 0.02;
        Path probe = tmp.resolve("probe.json");
        Json.MAPPER.writeValue(probe.toFile(), Map.of("x", x.toFloatMatrix(), "z", z.toFloatMatrix(),
                "x_steps", xSteps, "z_steps", zSteps, "z_step", zStep));

        JsonNode peer = runPeer(models, probe);

        Posterior q = m.inference().infer(x);
        assertClose("E(x)", m.energy().energy(x).reshape(-1, 1), peer.get("energy"), true);
        assertClose("mu(x)", q.mu(), peer.get("mu"), false);
        assertClose("logvar(x)", q.logvar(), peer.get("logvar"), false);
        assertClose("g(z)", m.generator().generate(z), peer.get("generated"), false);
        INDArray xr = new XRevision(m.energy(), new LangevinSettings(xSteps, cfg.xChain().stepSize(), 0))
                .run(x.dup(), Rng.derive(1, "x"), null);
        assertClose("x-revision", xr, peer.get("x_revised"), false);
        INDArray zr = new ZRevision(m.generator(), new LangevinSettings(zSteps, zStep, 0),
                cfg.sigma(), cfg.priorSigma()).run(z.dup(), x, Rng.derive(1, "z"), null);
        assertClose("z-revision", zr, peer.get("z_revised"), false);
        assertTrue(xr.sub(x).norm2Number().doubleValue() > 1e-3, "the x-chains moved: the check is not vacuous");
        assertTrue(zr.sub(z).norm2Number().doubleValue() > 1e-3, "the z-chains moved: the check is not vacuous");
    }

    private static boolean torchInstalled() {
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import torch, numpy").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private static JsonNode runPeer(Path models, Path probe) throws Exception {
        Process p = new ProcessBuilder(PYTHON, SCRIPT.getFileName().toString(), models.toString(), probe.toString())
                .directory(SCRIPT.getParent().toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the peer finished");
        assertEquals(0, p.exitValue(), "the peer's exit status");
        return Json.MAPPER.readTree(out);
    }

    /** Every entry within 1e-4 of the peer's, relative to the larger of 1 and the value. */
    private static void assertClose(String what, INDArray engine, JsonNode peer, boolean column) {
        float[][] e = engine.castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).toFloatMatrix();
        assertEquals(e.length, peer.size(), what + ": rows");
        for (int i = 0; i < e.length; i++) {
            for (int j = 0; j < e[i].length; j++) {
                double theirs = column ? peer.get(i).asDouble() : peer.get(i).get(j).asDouble();
                double tol = 1e-4 * Math.max(1, Math.abs(theirs));
                assertEquals(theirs, e[i][j], tol, what + " [" + i + "][" + j + "]");
            }
        }
    }
}
