package dualmcmc.engine.nn;

import dualmcmc.engine.config.Presets;
import dualmcmc.engine.data.SampleShape;
import dualmcmc.engine.model.Architectures;
import dualmcmc.engine.model.ModelSet;
import dualmcmc.engine.util.Nd4jSetup;
import dualmcmc.engine.util.Rng;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The work counted from the networks' shapes: by hand for small layers, and against a real forward pass. */
class MultiplyAddsTest {
    private static Init init() {
        Nd4jSetup.init();
        return new Init(Rng.of(1), DataType.FLOAT);
    }

    @Test
    void denseAndConvolutionCountTheirProducts() {
        Init init = init();
        assertEquals(2L * 128, new Dense(2, 128, false, init).multiplyAdds(new long[]{2}));
        Conv2d c = new Conv2d(3, 8, 4, 2, 1, false, init);
        // 28x28 -> 14x14, each output: 3 channels x 4 x 4 products, for 8 channels
        assertArrayEquals(new long[]{8, 14, 14}, c.outputShape(new long[]{3, 28, 28}));
        assertEquals(14L * 14 * 8 * 3 * 4 * 4, c.multiplyAdds(new long[]{3, 28, 28}));
    }

    @Test
    void aNetworkAddsItsLayersAlongTheShapes() {
        Init init = init();
        Network n = new Network(List.of(new Reshape(1, 8, 8), new Conv2d(1, 4, 3, 1, 1, false, init),
                Activation.relu(), new Upsample(2), new AvgPool2d(4), Reshape.flat(),
                new Dense(4 * 4 * 4, 10, false, init)));
        assertArrayEquals(new long[]{10}, n.outputShape(new long[]{64}));
        assertEquals(8L * 8 * 4 * 9 + 64 * 10, n.multiplyAdds(new long[]{64}));
    }

    @Test
    void anUpsamplingAndTheConvolutionAfterItExecuteAsOneTransposedConvolution() {
        Init init = init();
        Network n = new Network(List.of(new Reshape(16, 7, 7), new Upsample(2), new Conv2d(16, 8, 3, 1, 1, false, init),
                Activation.relu(), new Conv2d(8, 1, 3, 1, 1, false, init)));
        long[] in = {16 * 7 * 7};
        // as written: a 3x3 convolution of the 14x14 map, then 8 -> 1
        assertEquals(14L * 14 * 8 * 16 * 9 + 14L * 14 * 8 * 9, n.multiplyAdds(in));
        // run: 4x4 taps per pixel of the 7x7 map, the second convolution as it is
        assertEquals(7L * 7 * 8 * 16 * 16 + 14L * 14 * 8 * 9, n.executedMultiplyAdds(in));
        Network plain = new Network(List.of(new Reshape(16, 7, 7), new Upsample(2), new Conv2d(16, 8, 3, 1, 0, false, init)));
        assertEquals(plain.multiplyAdds(in), plain.executedMultiplyAdds(in));
    }

    /** The shapes the count walks are the shapes the networks produce, for every image architecture. */
    @Test
    void theWalkedShapesAreTheRealOnes() {
        for (String preset : new String[]{"image28", "image32", "cifar10-paper"}) {
            var cfg = Presets.get(preset);
            SampleShape shape = preset.equals("image28") ? SampleShape.image(1, 28, 28) : SampleShape.image(3, 32, 32);
            ModelSet m = Architectures.build(cfg, shape, init());
            long[] in = {shape.size()};
            assertArrayEquals(new long[]{1}, m.energy().network().outputShape(in), preset);
            var x = Nd4j.rand(DataType.FLOAT, 2, shape.size());
            assertEquals(2 * 1, m.energy().network().forward(x).length(), preset);
            long[] z = {cfg.nz()};
            assertArrayEquals(new long[]{shape.size()}, m.generator().network().outputShape(z), preset);
            assertArrayEquals(new long[]{2L * cfg.nz()}, m.inference().network().outputShape(in), preset);
        }
    }
}
