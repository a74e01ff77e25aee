package dualmcmc.engine.nn;

import dualmcmc.engine.nn.FloatAgreement.Twins;
import dualmcmc.engine.util.Nd4jSetup;
import dualmcmc.engine.util.Rng;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

import static dualmcmc.engine.nn.FloatAgreement.asLayer;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An upsampling by 2 followed by a 3x3 convolution runs as one transposed convolution of the small
 * map ({@link Conv2d#forwardUpsampled}) inside a FLOAT network. Checked against the DOUBLE route,
 * which upsamples and convolves as written (and which the gradient checks verify): output, input
 * gradient with and without parameter gradients, weight and bias gradients, for the generators'
 * layers, channel counts that are no multiple of oneDNN's blocks, non-square maps, spectral norm,
 * and after the weights change in place (a stale folded kernel would pass the first comparison).
 */
class UpsampledConvolutionTest {

    @BeforeAll
    static void setUp() {
        Nd4jSetup.init();
    }

    /** Upsample-then-convolve as a FLOAT network (checked to take the fused route) and its DOUBLE twin. */
    private record Fused(Twins<Layer> twins, Conv2d fastConv) {
        static Fused of(int in, int out, boolean sn) {
            Conv2d fastConv = new Conv2d(in, out, 3, 1, 1, sn, new Init(Rng.of(5), DataType.FLOAT));
            Conv2d exactConv = new Conv2d(in, out, 3, 1, 1, sn, new Init(Rng.of(5), DataType.DOUBLE));
            return new Fused(Twins.of(asLayer(new Network(List.of(new Upsample(2), fastConv, Activation.relu()))),
                    asLayer(new Network(List.of(new Upsample(2), exactConv, Activation.relu())))), fastConv);
        }

        void check(String name, long seed, long... smallShape) {
            assertTrue(fastConv.runsUpsampled(Rng.of(seed).gaussian(smallShape)), name + ": the fused route should run");
            twins.check(name, seed, smallShape);
        }
    }

    @Test
    void theGeneratorsLayersAgreeWithUpsamplingThenConvolving() {
        Fused first = Fused.of(64, 32, false);
        first.check("image28 generator 64->32 on 7x7", 1, 8, 64, 7, 7);
        Fused second = Fused.of(32, 16, false);
        second.check("image28 generator 32->16 on 14x14", 2, 8, 32, 14, 14);
        // a smaller batch after a larger one: the layer keeps primitives per shape
        second.check("32->16, batch 3", 3, 3, 32, 14, 14);
    }

    @Test
    void oddChannelCountsNonSquareMapsAndSpectralNormAgree() {
        Fused.of(3, 5, false).check("3->5 on 6x9", 4, 4, 3, 6, 9);
        Fused.of(1, 16, false).check("1->16 on 5x5", 5, 2, 1, 5, 5);
        Fused.of(16, 8, true).check("16->8 spectral norm on 8x8", 6, 4, 16, 8, 8);
    }

    @Test
    void weightsChangedInPlaceAreSeen() {
        Fused t = Fused.of(32, 16, false);
        t.check("before the change", 7, 4, 32, 14, 14);
        for (Parameter p : t.twins().exact().parameters()) {
            p.value().muli(-1.5).addi(0.01);
        }
        t.twins().copyParameters();
        t.check("after the change", 8, 4, 32, 14, 14);
    }

    @Test
    void onlyAThreeByThreeConvolutionWithPaddingOneTakesTheSmallMap() {
        INDArray x = Rng.of(9).gaussian(2, 8, 6, 6);
        assertTrue(new Conv2d(8, 8, 3, 1, 1, false, new Init(Rng.of(1), DataType.FLOAT)).runsUpsampled(x));
        assertFalse(new Conv2d(8, 8, 3, 1, 0, false, new Init(Rng.of(1), DataType.FLOAT)).runsUpsampled(x));
        assertFalse(new Conv2d(8, 8, 4, 2, 1, false, new Init(Rng.of(1), DataType.FLOAT)).runsUpsampled(x));
        assertFalse(new Conv2d(8, 8, 3, 1, 1, false, new Init(Rng.of(1), DataType.DOUBLE))
                .runsUpsampled(x.castTo(DataType.DOUBLE)));
    }
}
