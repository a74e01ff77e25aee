package dualmcmc.engine.train;

import dualmcmc.engine.config.Presets;
import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.data.Dataset;
import dualmcmc.engine.data.Datasets;
import dualmcmc.engine.mcmc.ChainInit;
import dualmcmc.engine.mcmc.ChainRunner;
import dualmcmc.engine.mcmc.ChainTrace;
import dualmcmc.engine.metrics.Evaluation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A short, seeded dual-MCMC run on the ring of 8 Gaussians must already show what the method is
 * about: the EBM-guided revision sharpens generator samples, the energy falls along x-chains, and
 * z-chains started from the inference model reconstruct better than noise-started ones.
 * (The full-length thresholds, 8/8 modes with >= 80% high quality, are reached by the CLI run in
 * the README; they take thousands of iterations.)
 */
class TrainingQualityTest {
    private static final int ITERATIONS = 600;
    private static TrainingSetup setup;
    private static Map<String, Object> eval;

    @BeforeAll
    static void train() throws java.io.IOException {
        Dataset ring = Datasets.load("ring8", null, 1);
        setup = TrainingSetup.create(ring, Presets.get("toy2d"), 1);
        for (int i = 0; i < ITERATIONS; i++) {
            setup.trainer().step();
        }
        eval = Evaluation.mixture(setup.models(), setup.config(), ring, 2500, 7);
        System.out.println("ring8 after " + ITERATIONS + " iterations: " + eval);
    }

    @SuppressWarnings("unchecked")
    private static double stat(String which, String key) {
        return ((Number) ((Map<String, Object>) eval.get(which)).get(key)).doubleValue();
    }

    @Test
    void revisedSamplesCoverTheModesAndAreSharperThanGeneratorSamples() {
        assertTrue(stat("revised", "modes") >= 7, eval.toString());
        assertTrue(stat("revised", "hq") > stat("generator", "hq"), eval.toString());
        assertTrue(stat("revised", "kl") < 0.5, eval.toString());
    }

    @Test
    void energyFallsAlongGeneratorInitialisedXChains() {
        TrainingConfig cfg = setup.config();
        ChainTrace t = new ChainRunner(setup.models(), cfg).xChains(ChainInit.GENERATOR, cfg.xChain(), 512, 0, 3);
        assertTrue(t.mean(t.steps()) < t.mean(0), "E(x_k) " + t.mean(t.steps()) + " vs E(x_0) " + t.mean(0));
    }

    @Test
    void inferenceInitialisedZChainsReconstructBetterThanNoiseInitialisedOnes() {
        TrainingConfig cfg = setup.config();
        ChainRunner runner = new ChainRunner(setup.models(), cfg);
        ChainTrace inferred = runner.zChains(ChainInit.INFERENCE, cfg.zChain(), setup.data(), 512, 0, 4);
        ChainTrace noise = runner.zChains(ChainInit.NOISE, cfg.zChain(), setup.data(), 512, 0, 4);
        int k = cfg.zChain().steps();
        assertTrue(inferred.mean(k) < noise.mean(k),
                "MSE after " + k + " steps: inference-initialised " + inferred.mean(k) + ", noise " + noise.mean(k));
        assertTrue(inferred.mean(k) < inferred.mean(0), "z-revision lowers the reconstruction error");
    }
}
