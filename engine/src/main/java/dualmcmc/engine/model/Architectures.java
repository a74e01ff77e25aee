package dualmcmc.engine.model;

import dualmcmc.engine.config.Networks;
import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.data.SampleShape;
import dualmcmc.engine.nn.Activation;
import dualmcmc.engine.nn.Conv2d;
import dualmcmc.engine.nn.Dense;
import dualmcmc.engine.nn.Init;
import dualmcmc.engine.nn.Network;
import dualmcmc.engine.nn.Reshape;
import dualmcmc.engine.nn.Upsample;

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

    /**
     * A floor on the parameters {@link #build} allocates for {@code cfg}, known without building:
     * every family's EBM has a layer of at least width x width weights (mlp: width -> width; conv:
     * width/2 -> width, 4x4; resnet: width -> width, 3x3). A file whose config is read before its
     * arrays must hold at least this much, so a hostile config cannot make a small file allocate
     * gigabytes.
     */
    public static long minimumParameters(TrainingConfig cfg) {
        return (long) cfg.width() * cfg.width();
    }

    public static ModelSet build(TrainingConfig cfg, SampleShape shape, Init init) {
        Networks n = cfg.networks();
        int nz = n.nz();
        int w = n.width();
        boolean sn = n.spectralNorm();
        return switch (n.arch()) {
            case "mlp" -> new ModelSet(
                    new EnergyModel(mlp(shape.size(), w, 1, sn, init)),
                    new Generator(mlp(nz, w, shape.size(), false, init), nz),
                    new InferenceModel(mlp(shape.size(), w, 2 * nz, false, init), nz), shape);
            case "conv28" -> conv28(shape, nz, w, sn, init);
            case "conv8" -> conv8(shape, nz, w, sn, init);
            case "conv32" -> conv32(shape, nz, w, sn, init);
            case "resnet32" -> resnet(shape, 32, nz, w, sn, init);
            case "resnet64" -> resnet(shape, 64, nz, w, sn, init);
            default -> throw new IllegalArgumentException("unknown arch " + n.arch());
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
        return convModels(ebm, shape, nz, width, init);
    }

    private static ModelSet conv8(SampleShape shape, int nz, int width, boolean sn, Init init) {
        requireShape(shape, 1, 8, 8, "conv8");
        int c = Math.max(1, width / 2);
        Network ebm = new Network(List.of(new Reshape(1, 8, 8),  // 8 -> 8 -> 4 -> 2
                new Conv2d(1, c, 3, 1, 1, sn, init), Activation.leakyRelu(LEAK),
                new Conv2d(c, 2 * c, 4, 2, 1, sn, init), Activation.leakyRelu(LEAK),
                new Conv2d(2 * c, 4 * c, 4, 2, 1, sn, init), Activation.leakyRelu(LEAK),
                Reshape.flat(), new Dense(4 * c * 2 * 2, 1, sn, init)));
        return convModels(ebm, shape, nz, width, init);
    }

    /** CIFAR-sized grey or colour images: three stride-2 convolutions in the EBM, as in the paper's 32x32 nets. */
    private static ModelSet conv32(SampleShape shape, int nz, int width, boolean sn, Init init) {
        int ch = shape.channels();
        requireShape(shape, ch == 1 ? 1 : 3, 32, 32, "conv32 (1 or 3 channels)");
        int c = Math.max(1, width / 2);
        Network ebm = new Network(List.of(new Reshape(ch, 32, 32),  // 32 -> 16 -> 8 -> 4
                new Conv2d(ch, c, 4, 2, 1, sn, init), Activation.leakyRelu(LEAK),
                new Conv2d(c, 2 * c, 4, 2, 1, sn, init), Activation.leakyRelu(LEAK),
                new Conv2d(2 * c, 4 * c, 4, 2, 1, sn, init), Activation.leakyRelu(LEAK),
                Reshape.flat(), new Dense(4 * c * 4 * 4, 1, sn, init)));
        return convModels(ebm, shape, nz, width, init);
    }

    /**
     * The generator and inference model shared by the conv families, built after the EBM so that
     * the initialiser's random stream (and so every weight) stays what it was for conv28 and conv8.
     * Generator: Dense to a g x s/4 x s/4 map, two Upsample-and-Conv3x3 steps, Conv3x3 to the
     * image's channels, tanh. Inference: two stride-2 4x4 convolutions, Dense to mean and log-variance.
     */
    private static ModelSet convModels(Network ebm, SampleShape shape, int nz, int width, Init init) {
        int ch = shape.channels();
        int side = shape.height();
        int base = side / 4;
        int c = Math.max(1, width / 2);
        int g = width;
        Network gen = new Network(List.of(  // side/4 -> side/2 -> side
                new Dense(nz, g * base * base, false, init), Activation.relu(), new Reshape(g, base, base),
                new Upsample(2), new Conv2d(g, g / 2, 3, 1, 1, false, init), Activation.relu(),
                new Upsample(2), new Conv2d(g / 2, g / 4, 3, 1, 1, false, init), Activation.relu(),
                new Conv2d(g / 4, ch, 3, 1, 1, false, init), Activation.tanh(), Reshape.flat()));
        Network inf = new Network(List.of(new Reshape(ch, side, side),  // side -> side/2 -> side/4
                new Conv2d(ch, c, 4, 2, 1, false, init), Activation.leakyRelu(LEAK),
                new Conv2d(c, 2 * c, 4, 2, 1, false, init), Activation.leakyRelu(LEAK),
                Reshape.flat(), new Dense(2 * c * base * base, 2 * nz, false, init)));
        return new ModelSet(new EnergyModel(ebm), new Generator(gen, nz), new InferenceModel(inf, nz), shape);
    }

    /**
     * The paper's networks ({@link ResNets}) for 3 x side x side images: EBM and generator of width
     * C = width, the inference model a quarter (side 32) or an eighth (side 64) of it, the ratios
     * of the paper's configs (512, 512, 128 for CIFAR-10; 1024, 1024, 128 for CelebA-64).
     */
    private static ModelSet resnet(SampleShape shape, int side, int nz, int width, boolean sn, Init init) {
        requireShape(shape, 3, side, side, "resnet" + side);
        int inferenceWidth = Math.max(1, width / (side == 32 ? 4 : 8));
        Network ebm = ResNets.energy(width, side, sn, init);
        Network gen = ResNets.generator(nz, width, side, init);
        Network inf = ResNets.inference(nz, inferenceWidth, side, init);
        return new ModelSet(new EnergyModel(ebm), new Generator(gen, nz), new InferenceModel(inf, nz), shape);
    }
}
