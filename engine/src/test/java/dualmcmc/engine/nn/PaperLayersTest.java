package dualmcmc.engine.nn;

import dualmcmc.engine.util.Rng;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The layers of the paper-scale networks: values against hand computation, gradients against finite differences. */
class PaperLayersTest {
    private static final Init INIT = new Init(Rng.of(7), DataType.DOUBLE);

    private static INDArray input(long... shape) {
        return Rng.of(11).gaussian(shape).castTo(DataType.DOUBLE);
    }

    private static double[] flat(INDArray a) {
        return a.dup('c').reshape(a.length()).toDoubleVector();
    }

    @Test
    void batchNormGradientsInTrainingMode() {
        // a Dense in front makes the BN input depend on weights whose gradient runs through the batch statistics
        Network net = new Network(List.of(new Dense(5, 3 * 2 * 2, false, INIT), new Reshape(3, 2, 2),
                new BatchNorm2d(3, INIT), Activation.tanh(), Reshape.flat()));
        GradientCheck.checkNetwork("batchnorm", net, input(3, 5), 21);
    }

    @Test
    void batchNormNormalisesEachChannelOverBatchAndPositions() {
        BatchNorm2d bn = new BatchNorm2d(2, INIT);
        INDArray x = input(4, 2, 3, 3).muli(3).addi(5);
        INDArray y = bn.forward(x).dup();
        double[] gamma = bn.parameters().get(0).value().toDoubleVector();
        for (int c = 0; c < 2; c++) {
            double[] ch = flat(y.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                    org.nd4j.linalg.indexing.NDArrayIndex.point(c)));
            double mean = java.util.Arrays.stream(ch).average().orElseThrow();
            double var = java.util.Arrays.stream(ch).map(v -> (v - mean) * (v - mean)).average().orElseThrow();
            assertEquals(0.0, mean, 1e-12, "beta starts at 0");
            // var of the output is gamma^2 var / (var + eps): a hair under gamma^2
            assertEquals(gamma[c] * gamma[c], var, 1e-5 * gamma[c] * gamma[c] + 1e-12);
        }
    }

    @Test
    void runningStatisticsMoveWithMomentumPointOne() {
        BatchNorm2d bn = new BatchNorm2d(1, INIT);
        // one channel, batch 2 of 1x2 maps: values 1, 3, 5, 11 -> mean 5, unbiased variance 56/3
        INDArray first = Nd4j.createFromArray(new double[]{1, 3, 5, 11}).reshape(2, 1, 1, 2);
        bn.forward(first);
        INDArray mean = bn.state().get("running_mean");
        INDArray var = bn.state().get("running_var");
        assertEquals(0.9 * 0 + 0.1 * 5, mean.getDouble(0), 1e-12);
        assertEquals(0.9 * 1 + 0.1 * 56.0 / 3, var.getDouble(0), 1e-12);
        // values 2, 2, 2, 2: mean 2, variance 0
        bn.forward(Nd4j.valueArrayOf(new long[]{2, 1, 1, 2}, 2.0).castTo(DataType.DOUBLE));
        assertEquals(0.9 * 0.5 + 0.1 * 2, mean.getDouble(0), 1e-12);
        assertEquals(0.9 * (0.9 + 0.1 * 56.0 / 3), var.getDouble(0), 1e-12);
        assertEquals(List.of("running_mean", "running_var"), List.copyOf(bn.state().keySet()));
    }

    @Test
    void averagePoolingValuesAndGradients() {
        INDArray x = Nd4j.linspace(DataType.DOUBLE, 1, 16, 1).reshape(1, 1, 4, 4);
        AvgPool2d pool = new AvgPool2d(2);
        // windows {1,2,5,6}, {3,4,7,8}, {9,10,13,14}, {11,12,15,16}
        assertArrayEquals(new double[]{3.5, 5.5, 11.5, 13.5}, flat(pool.forward(x)), 1e-12);
        assertArrayEquals(new double[]{8.5}, flat(AvgPool2d.global().forward(x)), 1e-12);
        assertArrayEquals(new long[]{1, 1, 1, 1}, AvgPool2d.global().forward(x).shape());
        assertThrows(IllegalArgumentException.class, () -> pool.forward(input(1, 1, 3, 4)));

        GradientCheck.checkNetwork("avgpool", new Network(List.of(new Reshape(2, 4, 6),
                new AvgPool2d(2), Activation.tanh(), Reshape.flat())), input(3, 48), 22);
        GradientCheck.checkNetwork("global avgpool", new Network(List.of(new Reshape(2, 4, 6),
                Activation.tanh(), AvgPool2d.global(), Reshape.flat(), new Dense(2, 2, false, INIT))),
                input(3, 48), 23);
    }

    /** torch.nn.functional.interpolate(tensor([[[[1., 2.], [3., 4.]]]]), scale_factor=2, mode='bilinear'). */
    @Test
    void bilinearUpsamplingMatchesTorch() {
        INDArray x = Nd4j.createFromArray(new double[]{1, 2, 3, 4}).reshape(1, 1, 2, 2);
        // align_corners=False: output centres sample the input at -0.25 (clamped to 0), 0.25, 0.75, 1.25 (-> 1)
        assertArrayEquals(new double[]{
                1.00, 1.25, 1.75, 2.00,
                1.50, 1.75, 2.25, 2.50,
                2.50, 2.75, 3.25, 3.50,
                3.00, 3.25, 3.75, 4.00}, flat(new BilinearUpsample(false).forward(x)), 1e-12);
        // align_corners=True: at 0, 1/3, 2/3, 1
        double t = 1.0 / 3;
        assertArrayEquals(new double[]{
                1, 1 + t, 2 - t, 2,
                2 - t, 2, 2 + t, 3 - t,
                2 + t, 3 - t, 3, 3 + t,
                3, 3 + t, 4 - t, 4}, flat(new BilinearUpsample(true).forward(x)), 1e-12);
    }

    @Test
    void bilinearUpsamplingGradientIsTheAdjoint() {
        for (boolean align : new boolean[]{false, true}) {
            GradientCheck.checkNetwork("bilinear align_corners=" + align, new Network(List.of(new Reshape(2, 3, 4),
                    new BilinearUpsample(align), Activation.tanh(), Reshape.flat())), input(2, 24), 24);
            // <up(x), y> = <x, up^T(y)> exactly, on a non-square map with several planes
            BilinearUpsample up = new BilinearUpsample(align);
            INDArray x = input(2, 3, 3, 5);
            INDArray y = Rng.of(5).gaussian(2, 3, 6, 10).castTo(DataType.DOUBLE);
            double lhs = up.forward(x).mul(y).sumNumber().doubleValue();
            double rhs = x.mul(up.backward(y, false)).sumNumber().doubleValue();
            assertEquals(lhs, rhs, 1e-10 * Math.abs(lhs));
        }
    }

    @Test
    void residualSumsBranchesAndNamesNestedParametersUniquely() {
        Conv2d conv = new Conv2d(2, 2, 3, 1, 1, true, INIT);
        Residual identity = new Residual(List.of(conv, Activation.silu()), List.of());
        INDArray x = input(2, 2, 3, 3);
        INDArray expected = Activation.silu().forward(conv.forward(x)).add(x);
        assertArrayEquals(flat(expected), flat(identity.forward(x)), 1e-12);

        Residual projected = new Residual(List.of(new Conv2d(2, 3, 3, 1, 1, true, INIT), new BatchNorm2d(3, INIT)),
                List.of(new AvgPool2d(1), new Conv2d(2, 3, 1, 1, 0, true, INIT)));
        Network net = new Network(List.of(new Reshape(2, 3, 3), identity, Activation.relu(), projected,
                Reshape.flat()));
        List<String> names = net.parameters().stream().map(net::parameterName).toList();
        assertEquals(List.of("1.main.0.weight", "1.main.0.bias", "3.main.0.weight", "3.main.0.bias",
                "3.main.1.gamma", "3.main.1.beta", "3.shortcut.1.weight", "3.shortcut.1.bias"), names);
        assertEquals(List.of("1.main.0.weight.u", "1.main.0.weight.v", "3.main.0.weight.u", "3.main.0.weight.v",
                "3.main.1.running_mean", "3.main.1.running_var", "3.shortcut.1.weight.u", "3.shortcut.1.weight.v"),
                List.copyOf(net.state().keySet()));
        GradientCheck.checkNetwork("residual blocks", net, input(3, 18), 25);
    }
}
