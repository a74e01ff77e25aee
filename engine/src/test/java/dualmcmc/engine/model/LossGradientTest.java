package dualmcmc.engine.model;

import dualmcmc.engine.config.Presets;
import dualmcmc.engine.data.SampleShape;
import dualmcmc.engine.nn.GradientCheck;
import dualmcmc.engine.nn.Init;
import dualmcmc.engine.nn.Network;
import dualmcmc.engine.nn.Parameter;
import dualmcmc.engine.util.Rng;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The three losses' gradients (parameters and inputs) against finite differences, in double. */
class LossGradientTest {
    private static final Init INIT = new Init(Rng.of(3), DataType.DOUBLE);
    private static final ModelSet MODELS = Architectures.build(
            Presets.get("toy2d").withValue("width", 6).withValue("nz", 3), SampleShape.vector(2), INIT);

    private static INDArray gaussian(long... shape) {
        return Rng.of(shape.length * 31L + shape[0]).gaussian(shape).castTo(DataType.DOUBLE);
    }

    private static void checkParams(String what, Network net, Supplier<Double> loss, Runnable accumulate) {
        net.zeroGrad();
        accumulate.run();
        for (Parameter p : net.parameters()) {
            GradientCheck.check(what + " " + net.parameterName(p), p.value(), p.grad().dup(), loss, 20, 1);
        }
    }

    @Test
    void generatorReconstructionLoss() {
        INDArray z = gaussian(4, 3);
        INDArray target = gaussian(4, 2);
        double w = 0.7;
        Generator g = MODELS.generator();
        Supplier<Double> loss = () -> {
            INDArray d = g.generate(z).sub(target);
            return w * d.mul(d).sumNumber().doubleValue();
        };
        checkParams("errG", g.network(), loss, () -> g.accumulateReconstruction(z, target, w));
        INDArray sq = org.nd4j.linalg.factory.Nd4j.create(DataType.DOUBLE, 4);
        INDArray gz = g.reconstructionGradient(z, target, sq).dup();
        GradientCheck.check("d||x-g(z)||^2/dz", z, gz, () -> loss.get() / w, 12, 2);
        assertEquals(loss.get() / w, sq.sumNumber().doubleValue(), 1e-9);
    }

    @Test
    void inferenceNegativeLogLikelihood() {
        INDArray x = gaussian(5, 2);
        INDArray z = gaussian(5, 3);
        double w = 1.3;
        InferenceModel q = MODELS.inference();
        Supplier<Double> loss = () -> {
            Posterior p = q.infer(x);
            INDArray var = Transforms.exp(p.logvar(), true).addi(InferenceModel.VARIANCE_FLOOR);
            INDArray d = z.sub(p.mu());
            return w * (0.5 * p.logvar().sumNumber().doubleValue() + 0.5 * d.mul(d).divi(var).sumNumber().doubleValue());
        };
        double[] returned = new double[1];
        checkParams("errI", q.network(), loss, () -> returned[0] = q.accumulateNll(x, z, w));
        assertEquals(loss.get() / w, returned[0], 1e-9);
    }

    @Test
    void energyLossAndInputGradient() {
        INDArray x = gaussian(6, 2);
        double w = -0.4;
        EnergyModel e = MODELS.energy();
        Supplier<Double> loss = () -> w * e.energy(x).sumNumber().doubleValue();
        checkParams("errE", e.network(), loss, () -> e.accumulate(x, w));
        GradientCheck.check("dE/dx", x, e.energyGradient(x, null).dup(), () -> loss.get() / w, 12, 3);
    }

    /** e_reg's term: weight sum E + squareWeight sum E^2, with energies far enough from 0 to matter. */
    @Test
    void energyLossWithTheSquaresRegulariser() {
        INDArray x = gaussian(6, 2).muli(3);
        double w = -0.4;
        double sq = 0.9;
        EnergyModel e = MODELS.energy();
        Supplier<Double> loss = () -> {
            INDArray en = e.energy(x);
            return w * en.sumNumber().doubleValue() + sq * en.mul(en).sumNumber().doubleValue();
        };
        double[] returned = new double[1];
        checkParams("errE + alpha E^2", e.network(), loss, () -> returned[0] = e.accumulate(x, w, sq));
        assertEquals(e.energy(x).sumNumber().doubleValue(), returned[0], 1e-9, "returns the energies' sum");
    }
}
