package dualmcmc.engine.mcmc;

import com.fasterxml.jackson.databind.JsonNode;
import dualmcmc.engine.TorchReference;
import dualmcmc.engine.config.LangevinSettings;
import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.io.Checkpoint;
import dualmcmc.engine.io.Examples;
import dualmcmc.engine.io.Json;
import dualmcmc.engine.model.ModelSet;
import dualmcmc.engine.model.Posterior;
import dualmcmc.engine.util.Nd4jSetup;
import dualmcmc.engine.util.Rng;
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

    @Test
    void networksAndBothRevisionsMatchThePyTorchReference(@TempDir Path tmp) throws Exception {
        TorchReference.assumeInstalled();
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

        JsonNode peer = TorchReference.run("check_engine.py", models.toString(), probe.toString());

        Posterior q = m.inference().infer(x);
        TorchReference.assertClose("E(x)", m.energy().energy(x).reshape(-1, 1), peer.get("energy"), true, 1e-4);
        TorchReference.assertClose("mu(x)", q.mu(), peer.get("mu"), false, 1e-4);
        TorchReference.assertClose("logvar(x)", q.logvar(), peer.get("logvar"), false, 1e-4);
        TorchReference.assertClose("g(z)", m.generator().generate(z), peer.get("generated"), false, 1e-4);
        INDArray xr = new XRevision(m.energy(), new LangevinSettings(xSteps, cfg.xChain().stepSize(), 0))
                .run(x.dup(), Rng.derive(1, "x"), null);
        TorchReference.assertClose("x-revision", xr, peer.get("x_revised"), false, 1e-4);
        INDArray zr = new ZRevision(m.generator(), new LangevinSettings(zSteps, zStep, 0),
                cfg.sigma(), cfg.priorSigma()).run(z.dup(), x, Rng.derive(1, "z"), null);
        TorchReference.assertClose("z-revision", zr, peer.get("z_revised"), false, 1e-4);
        assertTrue(xr.sub(x).norm2Number().doubleValue() > 1e-3, "the x-chains moved: the check is not vacuous");
        assertTrue(zr.sub(z).norm2Number().doubleValue() > 1e-3, "the z-chains moved: the check is not vacuous");
    }
}
