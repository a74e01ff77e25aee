package dualmcmc.engine.model;

import dualmcmc.engine.config.Presets;
import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.data.Dataset;
import dualmcmc.engine.data.Datasets;
import dualmcmc.engine.data.SampleShape;
import dualmcmc.engine.nn.Init;
import dualmcmc.engine.nn.Network;
import dualmcmc.engine.train.TrainingSetup;
import dualmcmc.engine.util.Rng;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ModelCopiesTest {
    @Test
    void aCopyComputesTheSameFunctionsAndIsIndependent() throws Exception {
        Dataset ring = Datasets.load("ring8", null, 1);
        // spectral norm: its vectors are layer state, which a copy must take over as well
        TrainingConfig cfg = Presets.get("toy2d").withValue("spectral_norm", true).withValue("width", 16);
        TrainingSetup setup = TrainingSetup.create(ring, cfg, 4);
        for (int i = 0; i < 3; i++) {
            setup.trainer().step();
        }
        ModelSet models = setup.models();
        ModelSet copy = ModelCopies.of(models, cfg);
        INDArray x = ring.x().getRows(0, 5, 9, 200);
        INDArray z = Rng.of(7).gaussian(4, cfg.nz());
        assertArrayEquals(models.energy().energy(x).ravel().toFloatVector(), copy.energy().energy(x).ravel().toFloatVector());
        assertArrayEquals(models.generator().generate(z).ravel().toFloatVector(), copy.generator().generate(z).ravel().toFloatVector());
        assertArrayEquals(models.inference().infer(x).mu().ravel().toFloatVector(), copy.inference().infer(x).mu().ravel().toFloatVector());

        float[] before = models.energy().energy(x).ravel().toFloatVector();
        copy.energy().network().parameters().get(0).value().addi(1);
        copy.energy().network().parametersChanged(false);
        assertArrayEquals(before, models.energy().energy(x).ravel().toFloatVector(), "the original is untouched");
        assertFalse(Arrays.equals(before, copy.energy().energy(x).ravel().toFloatVector()));
    }

    @Test
    void networksOfAnotherShapeAreRefused() {
        TrainingConfig cfg = Presets.get("toy2d").withValue("width", 8);
        Network small = Architectures.build(cfg, SampleShape.vector(2),
                new Init(Rng.of(1), DataType.FLOAT)).energy().network();
        Network wide = Architectures.build(cfg.withValue("width", 9), SampleShape.vector(2),
                new Init(Rng.of(1), DataType.FLOAT)).energy().network();
        assertThrows(IllegalArgumentException.class, () -> small.copyFrom(wide));
    }
}
