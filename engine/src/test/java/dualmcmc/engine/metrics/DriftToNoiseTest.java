package dualmcmc.engine.metrics;

import dualmcmc.engine.config.LangevinSettings;
import dualmcmc.engine.model.ModelSet;
import dualmcmc.engine.nn.Dense;
import dualmcmc.engine.nn.Init;
import dualmcmc.engine.nn.Network;
import dualmcmc.engine.model.EnergyModel;
import dualmcmc.engine.util.Nd4jSetup;
import dualmcmc.engine.util.Rng;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pull of one x-step against its noise, on an energy whose gradient is known: E(x) = w.x + b. */
class DriftToNoiseTest {
    @Test
    void aLinearEnergyPullsByItsSlope() {
        Nd4jSetup.init();
        Dense layer = new Dense(4, 1, false, new Init(Rng.of(1), DataType.FLOAT));
        layer.parameters().get(0).value().assign(org.nd4j.linalg.factory.Nd4j.createFromArray(
                new float[][]{{3f}, {0f}, {4f}, {0f}}).reshape(layer.parameters().get(0).value().shape()));
        EnergyModel energy = new EnergyModel(new Network(List.of(layer)));
        ModelSet models = new ModelSet(energy, null, null, null);
        INDArray samples = Rng.of(2).gaussian(10, 4);
        // |dE/dx| = 5 everywhere: drift (0.5^2 / 2) * 5 = 0.625, noise 0.01 * sqrt(4) = 0.02
        assertEquals(31.25, Evaluation.driftToNoise(models, new LangevinSettings(30, 0.5, 0.01), samples), 1e-4);
        // the drift grows with the step's square, the noise with its scale
        assertEquals(125.0, Evaluation.driftToNoise(models, new LangevinSettings(30, 1.0, 0.01), samples), 1e-3);
        assertEquals(15.625, Evaluation.driftToNoise(models, new LangevinSettings(30, 0.5, 0.02), samples), 1e-4);
        assertTrue(Double.isNaN(Evaluation.driftToNoise(models, new LangevinSettings(30, 0.5, 0.0), samples)));
    }
}
