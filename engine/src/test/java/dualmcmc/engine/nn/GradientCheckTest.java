package dualmcmc.engine.nn;

import dualmcmc.engine.util.Rng;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.opentest4j.AssertionFailedError;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gradient check itself: retrying a miss at other steps (for round-off and kinks) must not let
 * a wrong gradient through. Errors a few times the tolerance, and the 2.6e-7 discrepancy once
 * reported in the cifar10-paper generator, are caught on the generator's up-block at width 8.
 */
class GradientCheckTest {
    private static final Init INIT = new Init(Rng.of(17), DataType.DOUBLE);
    private static final int C = 8;
    private static final int SIDE = 8;

    /** The paper generator's up-block (as model.ResNets builds it), between reshapes. */
    private static Network upBlock(Layer first) {
        Residual block = new Residual(List.of(new BatchNorm2d(C, INIT), Activation.relu(), new BilinearUpsample(true),
                new Conv2d(C, C, 3, 1, 1, false, INIT), new BatchNorm2d(C, INIT), Activation.relu(),
                new Conv2d(C, C, 3, 1, 1, false, INIT)),
                List.of(new BilinearUpsample(true), new Conv2d(C, C, 1, 1, 0, false, INIT)));
        return new Network(List.of(new Reshape(C, SIDE, SIDE), first, block, Reshape.flat()));
    }

    private static INDArray input() {
        return Rng.of(19).gaussian(2, C * SIDE * SIDE).castTo(DataType.DOUBLE);
    }

    /** The largest error the check lets through for an analytic gradient a (1e-5 relative, 1e-8 absolute). */
    private static double band(double a) {
        return 1e-5 * Math.max(1e-3, 2 * Math.abs(a));
    }

    @Test
    void errorsThreeTimesTheToleranceAreCaughtDespiteTheRetries() {
        Network net = upBlock(new Reshape(C, SIDE, SIDE));
        INDArray x = input();
        INDArray out = net.forward(x);
        Parameter conv = net.parameters().get(2);  // main.3.weight, the 3x3 conv after the upsampling
        assertTrue(net.parameterName(conv).endsWith("main.3.weight"), net.parameterName(conv));
        SplittableRandom r = new SplittableRandom(29);
        int small = 0;
        // a projection scaled by 1e-3 puts the gradients where the tolerance is absolute (below 5e-4)
        for (double scale : new double[]{1, 1e-3}) {
            INDArray projection = Rng.of(23).fillUniform(Nd4j.create(out.dataType(), out.shape()), -0.5, 0.5)
                    .muli(scale);
            Supplier<Double> loss = () -> net.forward(x).mul(projection).sumNumber().doubleValue();
            net.zeroGrad();
            net.forward(x);
            INDArray gx = net.backward(projection.dup(), true).dup().reshape(x.length());
            INDArray gw = conv.grad().dup().reshape(conv.value().length());
            for (int s = 0; s < 20; s++) {
                boolean onInput = s % 2 == 0;
                INDArray flat = onInput ? x.reshape(x.length()) : conv.value().reshape(conv.value().length());
                long i = r.nextLong(flat.length());
                double a = (onInput ? gx : gw).getDouble(i);
                String what = (onInput ? "dL/dx" : "dL/dW") + " entry " + i + " (projection x " + scale + ")";
                GradientCheck.checkEntry(what, flat, i, a, loss);
                // 2.6e-7: the size of the discrepancy once reported, on a gradient below 5e-4 as there
                boolean absolute = Math.abs(a) < 5e-4;
                double[] offs = absolute ? new double[]{3 * band(a), -3 * band(a), 2.6e-7, -2.6e-7}
                        : new double[]{3 * band(a), -3 * band(a)};
                for (double off : offs) {
                    assertThrows(AssertionFailedError.class,
                            () -> GradientCheck.checkEntry(what, flat, i, a + off, loss),
                            what + ": analytic " + a + " off by " + off + " passed");
                }
                small += absolute ? 1 : 0;
            }
        }
        assertTrue(small >= 10, small + " checked gradients in the absolute-tolerance regime");
    }

    /**
     * A backward pass wrong at one entry of its input gradient by 1e-4 relative plus 3e-8 (three
     * times the absolute tolerance), in front of the up-block: the per-entry check of the whole
     * network finds it, and names the entry.
     */
    @Test
    void aBackwardPassWrongAtOneEntryIsFound() {
        long bad = 3 * SIDE * SIDE + 5 * SIDE;  // sample 0, channel 3, row 5, column 0: on the border
        Layer skewed = new Layer() {
            private final Reshape inner = new Reshape(C, SIDE, SIDE);

            @Override
            public INDArray forward(INDArray input) {
                return inner.forward(input);
            }

            @Override
            public INDArray backward(INDArray gradOutput, boolean accumulateParamGrads) {
                INDArray g = inner.backward(gradOutput, accumulateParamGrads).dup();
                INDArray flat = g.reshape(g.length());
                flat.putScalar(bad, flat.getDouble(bad) * (1 + 1e-4) + 3e-8);
                return g;
            }

            @Override
            public String describe() {
                return "skewed";
            }
        };
        Network net = upBlock(skewed);
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> GradientCheck.checkNetwork(
                "skewed up block", net, input(), 31, 1, Integer.MAX_VALUE, 0, name -> false));
        assertTrue(e.getMessage().contains("dL/dx[" + bad + "]"), e.getMessage());
    }
}
