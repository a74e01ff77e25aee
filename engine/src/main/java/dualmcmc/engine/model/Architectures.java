package dualmcmc.engine.model;

import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.data.SampleShape;
import dualmcmc.engine.nn.Activation;
import dualmcmc.engine.nn.Conv2d;
import dualmcmc.engine.nn.Dense;
import dualmcmc.engine.nn.Init;
import dualmcmc.engine.nn.Layer;
import dualmcmc.engine.nn.Network;
import dualmcmc.engine.nn.Reshape;
import dualmcmc.engine.nn.Upsample;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the three networks of a config. {@code mlp} at width 128 and {@code conv28} at width 64
 * are exactly the reference networks of the PyTorch peer (toy2d and image28): same layers, sizes,
 * activations and Xavier-normal initialisation.
 */
public final class Architectures {
    private static final double LEAK = 0.2;

    private Architectures() {
    }

    public static ModelSet build(TrainingConfig cfg, SampleShape shape, Init init) {
        int nz = cfg.nz();
        int w = cfg.width();
        boolean sn = cfg.flag("spectral_norm");
        return switch (cfg.arch()) {
            case "mlp" -> new ModelSet(
                    new EnergyModel(mlp(shape.size(), w, 1, sn, init)),
                    new Generator(mlp(nz, w, shape.size(), false, init), nz),
                    new InferenceModel(mlp(shape.size(), w, 2 * nz, false, init), nz), shape);
            case "conv28" -> conv28(shape, nz, w, sn, init);
            case "conv8" -> conv8(shape, nz, w, sn, init);
            default -> throw new IllegalArgumentException("unknown arch " + cfg.arch());
        };
    }

    /** Linear, SiLU, Linear, SiLU, Linear: the peer's toy2d networks. */
    static Network mlp(int in, int width, int out, boolean sn, Init init) {
        return new Network(List.of(new Dense(in, width, sn, init), Activation.silu(),
                new Dense(width, width, sn, init), Activation.silu(), new Dense(width, out, sn, init)));
    }

    private static void requireShape(SampleShape shape, int c, int h, int w, String arch) {
        if (shape.channels() != c || shape.height() != h || shape.width() != w) {
            throw new IllegalArgumentException("arch " + arch + " needs " + c + "x" + h + "x" + w
                    + " samples, the data are " + shape + " (choose arch=mlp or another preset)");
        }
    }

    private static ModelSet conv28(SampleShape shape, int nz, int width, boolean sn, Init init) {
        requireShape(shape, 1, 28, 28, "conv28");
        int c = Math.max(1, width / 2);
        Network ebm = new Network(List.of(new Reshape(1, 28, 28),  // 28 -> 14 -> 7 -> 4
                new Conv2d(1, c, 4, 2, 1, sn, init), Activation.leakyRelu(LEAK),
                new Conv2d(c, 2 * c, 4, 2, 1, sn, init), Activation.leakyRelu(LEAK),
                new Conv2d(2 * c, 4 * c, 3, 2, 1, sn, init), Activation.leakyRelu(LEAK),
                Reshape.flat(), new Dense(4 * c * 4 * 4, 1, sn, init)));
        int g = width;
        Network gen = new Network(List.of(  // 7 -> 14 -> 28
                new Dense(nz, g * 7 * 7, false, init), Activation.relu(), new Reshape(g, 7, 7),
                new Upsample(2), new Conv2d(g, g / 2, 3, 1, 1, false, init), Activation.relu(),
                new Upsample(2), new Conv2d(g / 2, g / 4, 3, 1, 1, false, init), Activation.relu(),
                new Conv2d(g / 4, 1, 3, 1, 1, false, init), Activation.tanh(), Reshape.flat()));
        Network inf = new Network(List.of(new Reshape(1, 28, 28),  // 28 -> 14 -> 7
                new Conv2d(1, c, 4, 2, 1, false, init), Activation.leakyRelu(LEAK),
                new Conv2d(c, 2 * c, 4, 2, 1, false, init), Activation.leakyRelu(LEAK),
                Reshape.flat(), new Dense(2 * c * 7 * 7, 2 * nz, false, init)));
        return new ModelSet(new EnergyModel(ebm), new Generator(gen, nz), new InferenceModel(inf, nz), shape);
    }

    private static ModelSet conv8(SampleShape shape, int nz, int width, boolean sn, Init init) {
        requireShape(shape, 1, 8, 8, "conv8");
        int c = Math.max(1, width / 2);
        List<Layer> e = new ArrayList<>(List.of(new Reshape(1, 8, 8),  // 8 -> 8 -> 4 -> 2
                new Conv2d(1, c, 3, 1, 1, sn, init), Activation.leakyRelu(LEAK),
                new Conv2d(c, 2 * c, 4, 2, 1, sn, init), Activation.leakyRelu(LEAK),
                new Conv2d(2 * c, 4 * c, 4, 2, 1, sn, init), Activation.leakyRelu(LEAK),
                Reshape.flat(), new Dense(4 * c * 2 * 2, 1, sn, init)));
        int g = width;
        Network gen = new Network(List.of(  // 2 -> 4 -> 8
                new Dense(nz, g * 2 * 2, false, init), Activation.relu(), new Reshape(g, 2, 2),
                new Upsample(2), new Conv2d(g, g / 2, 3, 1, 1, false, init), Activation.relu(),
                new Upsample(2), new Conv2d(g / 2, g / 4, 3, 1, 1, false, init), Activation.relu(),
                new Conv2d(g / 4, 1, 3, 1, 1, false, init), Activation.tanh(), Reshape.flat()));
        Network inf = new Network(List.of(new Reshape(1, 8, 8),  // 8 -> 4 -> 2
                new Conv2d(1, c, 4, 2, 1, false, init), Activation.leakyRelu(LEAK),
                new Conv2d(c, 2 * c, 4, 2, 1, false, init), Activation.leakyRelu(LEAK),
                Reshape.flat(), new Dense(2 * c * 2 * 2, 2 * nz, false, init)));
        return new ModelSet(new EnergyModel(new Network(e)), new Generator(gen, nz), new InferenceModel(inf, nz),
                shape);
    }
}
