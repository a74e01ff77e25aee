package dualmcmc.engine.nn;

import dualmcmc.engine.config.Presets;
import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.data.SampleShape;
import dualmcmc.engine.model.Architectures;
import dualmcmc.engine.model.ModelSet;
import dualmcmc.engine.util.Rng;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every network's input and weight gradients against finite differences, in double precision. */
class NetworkGradientTest {
    private static final Init INIT = new Init(Rng.of(7), DataType.DOUBLE);

    private static INDArray input(long... shape) {
        return Rng.of(11).gaussian(shape).castTo(DataType.DOUBLE);
    }

    @Test
    void denseLayersWithEachActivation() {
        for (Activation a : List.of(Activation.silu(), Activation.relu(), Activation.leakyRelu(0.2),
                Activation.tanh())) {
            Network net = new Network(List.of(new Dense(3, 5, false, INIT), a, new Dense(5, 2, false, INIT)));
            GradientCheck.checkNetwork(a.describe(), net, input(4, 3), 1);
        }
    }

    @Test
    void convolutionsUpsamplingAndReshapes() {
        Network net = new Network(List.of(new Reshape(2, 6, 6), new Conv2d(2, 3, 4, 2, 1, false, INIT),
                Activation.leakyRelu(0.2), new Upsample(2), new Conv2d(3, 2, 3, 1, 1, false, INIT),
                Activation.tanh(), Reshape.flat(), new Dense(2 * 6 * 6, 3, false, INIT)));
        GradientCheck.checkNetwork("conv stack", net, input(3, 2 * 6 * 6), 2);
    }

    @Test
    void spectralNormalisedLayers() {
        Network net = new Network(List.of(new Reshape(1, 5, 5), new Conv2d(1, 3, 3, 2, 1, true, INIT),
                Activation.silu(), Reshape.flat(), new Dense(27, 4, true, INIT), Activation.silu(),
                new Dense(4, 1, true, INIT)));
        GradientCheck.checkNetwork("spectral norm", net, input(3, 25), 3);
    }

    @Test
    void spectralNormMakesTheLargestSingularValueOne() {
        Dense d = new Dense(6, 4, true, INIT);
        Network net = new Network(List.of(d));
        for (int i = 0; i < 30; i++) {
            net.parametersChanged(true);
        }
        // ||W_sn v||, maximised over unit v, is sigma_max(W_sn): probe with the power method on W_sn^T W_sn
        INDArray eye = org.nd4j.linalg.factory.Nd4j.eye(6).castTo(DataType.DOUBLE);
        INDArray wsnT = net.forward(eye).sub(net.forward(eye.mul(0)));  // rows: W_sn^T
        INDArray gram = wsnT.transpose().mmul(wsnT);
        INDArray v = org.nd4j.linalg.factory.Nd4j.ones(DataType.DOUBLE, 4, 1);
        for (int i = 0; i < 200; i++) {
            v = gram.mmul(v);
            v.divi(v.norm2Number());
        }
        double sigmaMax = Math.sqrt(v.transpose().mmul(gram).mmul(v).getDouble(0));
        assertEquals(1.0, sigmaMax, 1e-6);
    }

    @Test
    void everyPresetNetwork() {
        for (String preset : List.of("toy2d", "image28", "digits8", "image32")) {
            TrainingConfig cfg = Presets.get(preset).withValue("width", preset.equals("toy2d") ? 8 : 8);
            SampleShape shape = switch (preset) {
                case "image28" -> SampleShape.image(1, 28, 28);
                case "image32" -> SampleShape.image(3, 32, 32);
                case "digits8" -> SampleShape.image(1, 8, 8);
                default -> SampleShape.vector(2);
            };
            ModelSet m = Architectures.build(cfg.withValue("nz", 3), shape, INIT);
            GradientCheck.checkNetwork(preset + " ebm", m.energy().network(), input(2, shape.size()), 4);
            GradientCheck.checkNetwork(preset + " generator", m.generator().network(), input(2, 3), 5);
            GradientCheck.checkNetwork(preset + " inference", m.inference().network(), input(2, shape.size()), 6);
        }
    }
}
