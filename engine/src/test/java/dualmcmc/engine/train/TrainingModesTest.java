package dualmcmc.engine.train;

import dualmcmc.engine.progress.IterationStats;

import dualmcmc.engine.config.Presets;
import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.config.TrainingMode;
import dualmcmc.engine.data.Dataset;
import dualmcmc.engine.data.ToyDatasets;
import dualmcmc.engine.mcmc.ChainInit;
import dualmcmc.engine.mcmc.ChainRunner;
import dualmcmc.engine.metrics.Evaluation;
import dualmcmc.engine.model.ModelSet;
import dualmcmc.engine.nn.Network;
import dualmcmc.engine.nn.Parameter;
import dualmcmc.engine.util.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The baselines share dual-MCMC's machinery: each trains only its own models, and they learn. */
class TrainingModesTest {
    private static final Dataset RING = ToyDatasets.generate("ring8", 2000, 1);
    private static final TrainingConfig SMALL = Presets.get("toy2d").withValue("width", 32).withValue("batch", 64)
            .withValue("x_steps", 10).withValue("z_steps", 5);

    private static TrainingSetup setup(TrainingMode mode, long seed) {
        return TrainingSetup.create(RING, SMALL.withValue("mode", mode.key()), seed);
    }

    private static List<INDArray> parameters(Network n) {
        List<INDArray> out = new ArrayList<>();
        for (Parameter p : n.parameters()) {
            out.add(p.value().dup());
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(TrainingMode.class)
    void eachModeTrainsExactlyItsOwnModels(TrainingMode mode) {
        TrainingSetup s = setup(mode, 3);
        ModelSet m = s.models();
        List<List<INDArray>> before = List.of(parameters(m.energy().network()), parameters(m.generator().network()),
                parameters(m.inference().network()));
        IterationStats stats = null;
        for (int i = 0; i < 3; i++) {
            stats = s.trainer().step();
        }
        boolean[] trains = {mode.trainsEbm(), mode.trainsGenerator(), mode.trainsInference()};
        double[] losses = {stats.errE(), stats.errG(), stats.errI()};
        for (int k = 0; k < 3; k++) {
            List<INDArray> after = parameters(m.networks().get(k));
            if (trains[k]) {
                assertNotEquals(before.get(k), after, mode + " trains " + ModelSet.networkNames().get(k));
                assertTrue(Double.isFinite(losses[k]), mode + " loss " + k + " = " + losses[k]);
            } else {
                assertEquals(before.get(k), after, mode + " leaves " + ModelSet.networkNames().get(k) + " alone");
                assertTrue(Double.isNaN(losses[k]), mode + " reports no loss for a model it does not train");
            }
        }
    }

    private static double meanEnergy(ModelSet m, INDArray x) {
        return m.energy().energy(x).meanNumber().doubleValue();
    }

    /** An EBM has learned when data sit lower in energy than the noise its chains start from. */
    @ParameterizedTest
    @EnumSource(value = TrainingMode.class, names = {"SHORT_RUN", "COOPERATIVE", "DUAL_MCMC"})
    void theEbmLearnsToPutDataBelowNoise(TrainingMode mode) {
        TrainingSetup s = setup(mode, 5);
        INDArray noise = new ChainRunner(s.models(), s.config()).xStart(ChainInit.NOISE, 1000, Rng.derive(9, "t"));
        INDArray data = RING.subset(1000, 9).x();
        double gapBefore = meanEnergy(s.models(), noise) - meanEnergy(s.models(), data);
        for (int i = 0; i < 100; i++) {
            s.trainer().step();
        }
        double gapAfter = meanEnergy(s.models(), noise) - meanEnergy(s.models(), data);
        assertTrue(gapAfter > gapBefore + 0.1 && gapAfter > 0,
                mode + ": E(noise) - E(data) went from " + gapBefore + " to " + gapAfter);
    }

    private static double reconstructionMse(TrainingSetup s) {
        return (Double) Evaluation.images(s.models(), s.config(), RING, 500, 3).get("mse_revised");
    }

    /**
     * Generators that learn from data reconstruct it better as they train (z-revision from the
     * inference model, or from noise for ABP, as the evaluation does for each mode).
     */
    @ParameterizedTest
    @EnumSource(value = TrainingMode.class, names = {"ABP", "INFERENCE_ONLY", "DUAL_MCMC"})
    void reconstructionImprovesWithTraining(TrainingMode mode) {
        TrainingSetup s = setup(mode, 7);
        double before = reconstructionMse(s);
        for (int i = 0; i < 100; i++) {
            s.trainer().step();
        }
        double after = reconstructionMse(s);
        assertTrue(after < 0.5 * before, mode + ": reconstruction MSE " + before + " -> " + after);
    }

    @Test
    void anUnknownModeIsRefusedWithTheChoices() {
        String m = assertThrows(IllegalArgumentException.class, () -> SMALL.with("mode", "vae")).getMessage();
        assertTrue(m.contains("dual-mcmc") && m.contains("abp"), m);
    }

    @Test
    void filesWrittenBeforeModesExistedMeanDualMcmc() {
        java.util.Map<String, Object> old = new java.util.LinkedHashMap<>(SMALL.values());
        old.remove("mode");
        assertEquals("dual-mcmc", new TrainingConfig(old).mode());
    }
}
