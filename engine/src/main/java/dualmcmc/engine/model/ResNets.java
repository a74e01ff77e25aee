package dualmcmc.engine.model;

import dualmcmc.engine.nn.Activation;
import dualmcmc.engine.nn.AvgPool2d;
import dualmcmc.engine.nn.BatchNorm2d;
import dualmcmc.engine.nn.BilinearUpsample;
import dualmcmc.engine.nn.Conv2d;
import dualmcmc.engine.nn.Dense;
import dualmcmc.engine.nn.Init;
import dualmcmc.engine.nn.Layer;
import dualmcmc.engine.nn.Network;
import dualmcmc.engine.nn.Reshape;
import dualmcmc.engine.nn.Residual;

import java.util.ArrayList;
import java.util.List;

/**
 * The paper's CIFAR-10 / CelebA-64 networks (its public code's nets.py), for square colour images
 * of side 32 or 64 and a channel width C:
 * <ul>
 *   <li>generator: linear nz -> C x 4 x 4, residual up-blocks to the image side, BN, ReLU, 3x3 conv
 *   to 3 channels, tanh;</li>
 *   <li>EBM (spectrally normalised): a first down-block without pre-activation, pre-activation
 *   down-blocks to 8 x 8, two more blocks at 8 x 8 with identity shortcuts, ReLU, global average
 *   pool, linear to 1;</li>
 *   <li>inference: 3x3 conv, then stride-2 4x4 convs to 4 x 4, all with LeakyReLU(0.2), and a
 *   linear head to (mu, logvar), which is the code's two 4x4 convolution heads side by side.</li>
 * </ul>
 * Differences from nets.py: every conv here has a bias (the code's EBM and inference convs have
 * none; a bias before a pooling sum or a later conv changes no function class), and weights are
 * Xavier-normal everywhere as in this project's other networks (the code leaves Linear layers at
 * torch's default).
 *
 * <p>The layer order is an interface: bench/dualmcmc/convert_paper.py maps the code's state-dict keys
 * onto these layers' indices (PaperConverterTest fails if they move).
 */
final class ResNets {
    private static final double LEAK = 0.2;
    /** The code's upsampling: F.interpolate(..., mode='bilinear', align_corners=True). */
    private static final boolean ALIGN_CORNERS = true;
    private static final int BOTTOM = 4;
    private static final int EBM_SIDE = 8;
    private static final int EBM_EXTRA_BLOCKS = 2;

    private ResNets() {
    }

    static Network generator(int nz, int c, int side, Init init) {
        List<Layer> layers = new ArrayList<>(List.of(new Dense(nz, c * BOTTOM * BOTTOM, false, init),
                new Reshape(c, BOTTOM, BOTTOM)));
        for (int s = BOTTOM; s < side; s *= 2) {
            layers.add(upBlock(c, c, init));
        }
        layers.addAll(List.of(new BatchNorm2d(c, init), Activation.relu(), conv(c, 3, 3, false, init),
                Activation.tanh(), Reshape.flat()));
        return new Network(layers);
    }

    static Network energy(int c, int side, boolean sn, Init init) {
        List<Layer> layers = new ArrayList<>(List.of(new Reshape(3, side, side), downBlock(3, c, sn, false, true, init)));
        for (int s = side / 2; s > EBM_SIDE; s /= 2) {
            layers.add(downBlock(c, c, sn, true, true, init));
        }
        for (int i = 0; i < EBM_EXTRA_BLOCKS; i++) {
            layers.add(downBlock(c, c, sn, true, false, init));
        }
        layers.addAll(List.of(Activation.relu(), AvgPool2d.global(), Reshape.flat(), new Dense(c, 1, sn, init)));
        return new Network(layers);
    }

    static Network inference(int nz, int c, int side, Init init) {
        List<Layer> layers = new ArrayList<>(List.of(new Reshape(3, side, side), conv(3, c, 3, false, init),
                Activation.leakyRelu(LEAK)));
        int channels = c;
        for (int s = side; s > BOTTOM; s /= 2) {
            int next = Math.min(2 * channels, 8 * c);
            layers.add(new Conv2d(channels, next, 4, 2, 1, false, init));
            layers.add(Activation.leakyRelu(LEAK));
            channels = next;
        }
        layers.addAll(List.of(Reshape.flat(), new Dense(channels * BOTTOM * BOTTOM, 2 * nz, false, init)));
        return new Network(layers);
    }

    /**
     * Generator block doubling the side: main = BN, ReLU, bilinear x2, 3x3 conv, BN, ReLU, 3x3 conv;
     * shortcut = bilinear x2, 1x1 conv.
     */
    static Residual upBlock(int in, int out, Init init) {
        List<Layer> main = List.of(new BatchNorm2d(in, init), Activation.relu(), new BilinearUpsample(ALIGN_CORNERS),
                conv(in, out, 3, false, init), new BatchNorm2d(out, init), Activation.relu(),
                conv(out, out, 3, false, init));
        return new Residual(main, List.of(new BilinearUpsample(ALIGN_CORNERS), conv(in, out, 1, false, init)));
    }

    /**
     * EBM block: main = [ReLU,] 3x3 conv, ReLU, 3x3 conv[, avg-pool 2]; the shortcut is the identity
     * when the block keeps the shape, else avg-pool and a 1x1 conv. The code's later blocks pool
     * after their 1x1 conv: the same function (average pooling and a 1x1 conv commute), at four
     * times the cost.
     */
    static Residual downBlock(int in, int out, boolean sn, boolean preActivation, boolean downsample, Init init) {
        List<Layer> main = new ArrayList<>();
        if (preActivation) {
            main.add(Activation.relu());
        }
        main.addAll(List.of(conv(in, out, 3, sn, init), Activation.relu(), conv(out, out, 3, sn, init)));
        List<Layer> shortcut = new ArrayList<>();
        if (downsample) {
            main.add(new AvgPool2d(2));
            shortcut.add(new AvgPool2d(2));
        }
        if (in != out || downsample) {
            shortcut.add(conv(in, out, 1, sn, init));
        }
        return new Residual(main, shortcut);
    }

    /** A stride-1 k x k convolution that keeps the side ("same" padding for odd k). */
    private static Conv2d conv(int in, int out, int k, boolean sn, Init init) {
        return new Conv2d(in, out, k, 1, k / 2, sn, init);
    }
}
