package dualmcmc.engine.nn;

import dualmcmc.engine.util.Rng;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/**
 * The layers of the paper generator's residual up-block, each on its own, at the shapes they get
 * in the cifar10-paper generator at width 8 (batch 2, 8 channels, sides 4 to 16), checked against
 * finite differences at every entry of every parameter and, up to side 8, of the input, for
 * several seeds: a wrong backward pass on a few entries (a border row of the upsampling, one
 * channel of a batch norm) escapes a sampled check, not this one. (At side 16 the input is
 * sampled: every entry there costs seconds, and the borders and interior are the same code.)
 */
class UpBlockLayersGradientTest {
    private static final int C = 8;
    private static final int BATCH = 2;
    private static final long[] SEEDS = {1, 2, 3};

    private static Init init(long seed) {
        return new Init(Rng.of(100 + seed), DataType.DOUBLE);
    }

    private static INDArray input(long seed, int side) {
        return Rng.of(200 + seed).gaussian(BATCH, (long) C * side * side).castTo(DataType.DOUBLE);
    }

    private static void checkEveryEntry(String what, Layer layer, INDArray x, int side, long seed) {
        checkEntries(what, layer, x, side, seed, Integer.MAX_VALUE);
    }

    /** Every parameter entry; {@code inputSamples} entries of the input. */
    private static void checkEntries(String what, Layer layer, INDArray x, int side, long seed, int inputSamples) {
        Network net = new Network(List.of(new Reshape(x.columns() / (side * side), side, side), layer,
                Reshape.flat()));
        GradientCheck.checkNetwork(what + " side " + side + " seed " + seed, net, x, seed, 1, inputSamples,
                Integer.MAX_VALUE, name -> true);
    }

    @Test
    void batchNormInTrainingModeEveryEntry() {
        for (long seed : SEEDS) {
            for (int side : new int[]{4, 8}) {
                checkEveryEntry("batchnorm", new BatchNorm2d(C, init(seed)), input(seed, side), side, seed);
            }
        }
        checkEntries("batchnorm", new BatchNorm2d(C, init(4)), input(4, 16), 16, 4, 300);
    }

    /**
     * Channels whose spread runs from 1e-2 to 3 (1/std up to ~100, var + eps dominated by var down
     * to 1e-4): batch norm's division by a small std amplifies any error in its mean and variance terms.
     */
    @Test
    void batchNormWithSmallAndLargeChannelVariancesEveryEntry() {
        double[] scales = {1e-2, 3e-2, 0.1, 0.3, 1, 2, 3, 0.05};
        for (long seed : SEEDS) {
            int side = 8;
            INDArray x = input(seed, side).reshape(BATCH, C, side, side);
            for (int c = 0; c < C; c++) {
                x.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(c))
                        .muli(scales[c]).addi(c - 3);
            }
            checkEveryEntry("batchnorm (spread 1e-2..3)", new BatchNorm2d(C, init(seed)),
                    x.reshape(BATCH, (long) C * side * side), side, seed);
        }
    }

    @Test
    void bilinearUpsamplingWithAlignedCornersEveryEntry() {
        for (long seed : SEEDS) {
            for (int side : new int[]{4, 8}) {
                checkEveryEntry("bilinear(align_corners)", new BilinearUpsample(true), input(seed, side), side, seed);
            }
        }
        checkEntries("bilinear(align_corners)", new BilinearUpsample(true), input(4, 16), 16, 4, 300);
    }

    @Test
    void upBlockConvolutionsEveryEntry() {
        for (long seed : SEEDS) {
            checkEveryEntry("conv 3x3", new Conv2d(C, C, 3, 1, 1, false, init(seed)), input(seed, 8), 8, seed);
        }
        checkEveryEntry("conv 1x1", new Conv2d(C, C, 1, 1, 0, false, init(4)), input(4, 8), 8, 4);
        checkEntries("conv 3x3", new Conv2d(C, C, 3, 1, 1, false, init(4)), input(4, 16), 16, 4, 100);
        checkEntries("conv 3x3 to rgb", new Conv2d(C, 3, 3, 1, 1, false, init(4)), input(4, 16), 16, 4, 100);
    }

    /** Not in the generator, but the EBM's convolutions go through the same weight path with it. */
    @Test
    void spectrallyNormalisedConvolutionEveryEntry() {
        for (long seed : SEEDS) {
            checkEntries("conv 3x3 sn", new Conv2d(C, C, 3, 1, 1, true, init(seed)), input(seed, 8), 8, seed, 100);
        }
    }

    @Test
    void averagePoolingEveryEntry() {
        for (long seed : SEEDS) {
            checkEveryEntry("avgpool(2)", new AvgPool2d(2), input(seed, 8), 8, seed);
        }
    }
}
