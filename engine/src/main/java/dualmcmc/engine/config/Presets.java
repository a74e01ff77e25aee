package dualmcmc.engine.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Named starting configurations. {@code toy2d-reference} and {@code image28} are exactly the
 * reference configurations of the PyTorch peer (used by {@code bench}); {@code toy2d} keeps the
 * reference networks with the settings measured to work on the 2-D toys (docs/toy-recipes.md:
 * learning rates of 1e-4 learn nothing in 3000 iterations; sigma 0.3 is large against a mode std
 * of 0.02).
 */
public final class Presets {
    private Presets() {
    }

    public static List<String> names() {
        return List.of("toy2d", "toy2d-sharp", "toy2d-ring8", "toy2d-reference", "image28", "digits8", "image32",
                "cifar10-paper", "celeba64-paper");
    }

    public static TrainingConfig get(String name) {
        return switch (name) {
            case "toy2d-reference" -> new TrainingConfig(toyReference());
            case "toy2d" -> new TrainingConfig(toyTuned());
            case "toy2d-sharp" -> new TrainingConfig(toySharp());
            case "toy2d-ring8" -> new TrainingConfig(toyRing8());
            case "image28" -> new TrainingConfig(image28());
            case "digits8" -> new TrainingConfig(digits8());
            case "image32" -> new TrainingConfig(image32());
            case "cifar10-paper" -> new TrainingConfig(cifar10Paper());
            case "celeba64-paper" -> new TrainingConfig(celeba64Paper());
            default -> throw new IllegalArgumentException("unknown preset '" + name + "'; presets: "
                    + String.join(", ", names()));
        };
    }

    /** The preset a data set starts with: MLPs for points, conv nets sized to the images. */
    public static String defaultFor(String dataset) {
        return switch (dataset) {
            case "digits" -> "digits8";
            case "fashion-mnist", "mnist", "images-gray" -> "image28";
            case "cifar10", "images" -> "image32";
            default -> "toy2d";
        };
    }

    private static Map<String, Object> common() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", TrainingMode.DUAL_MCMC.key());
        m.put("spectral_norm", false);
        m.put("x_steps", 30);
        m.put("z_steps", 10);
        m.put("z_step", 0.1);
        m.put("z_noise", 0.1);
        m.put("sigma", 0.3);
        m.put("prior_sigma", 1.0);
        m.put("s_factor", 50.0);
        m.put("i_factor", 0.1);
        m.put("fine_tune", true);
        m.put("divergence_bound", 1e4);
        m.put("lr_e", 1e-4);
        m.put("lr_g", 3e-4);
        m.put("lr_i", 1e-4);
        m.put("decay_g", 5e-4);
        m.put("decay_i", 5e-4);
        m.put("lr_decay", 0.998);
        m.put("beta1", 0.0);
        m.put("beta2", 0.9);
        return m;
    }

    private static Map<String, Object> toyReference() {
        Map<String, Object> m = common();
        m.put("arch", "mlp");
        m.put("width", 128);
        m.put("nz", 2);
        m.put("batch", 256);
        m.put("x_step", 0.05);
        m.put("x_noise", 0.005);
        return m;
    }

    private static Map<String, Object> toyTuned() {
        Map<String, Object> m = toyReference();
        m.put("x_step", 0.1);
        m.put("x_noise", 0.01);
        m.put("sigma", 0.1);
        m.put("lr_e", 1e-3);
        m.put("lr_g", 1e-3);
        m.put("lr_i", 1e-3);
        return m;
    }

    /**
     * toy2d for grid25, from the sweep of docs/recipes.md: a ten times faster EBM, which gives the
     * revised samples the modes; a batch of 1,024, which gives the EBM the second-order signal that
     * narrows its wells to the data's width; and a tenth of the EBM's chains restarted from noise,
     * without which about one seed in six lost an input axis early (the generator's spread matched
     * the data's, so nothing told the EBM about that axis again) and stalled at 17% high quality
     * (a fifth of them made one seed's energies run away). lr_decay 0.999 per epoch keeps batch
     * 512's decay per iteration; z_step 0.05 is a z-step that descends at sigma 0.1.
     */
    private static Map<String, Object> toySharp() {
        Map<String, Object> m = toyMixture(0.05, 0.999, 0.1);
        m.put("lr_e", 1e-2);
        return m;
    }

    /**
     * toy2d for ring8, whose eight modes toy2d-sharp's fast EBM splits more slowly (docs/recipes.md):
     * toy2d's EBM rate with a z-step that descends at sigma 0.1, toy2d-sharp's batch of 1,024 (with
     * batch 256's learning-rate decay per iteration) and a fifth of the EBM's chains restarted from
     * noise, which lifted the slowest seeds from 91-93% to 95% at 5,000 iterations (94-99% on six seeds).
     */
    private static Map<String, Object> toyRing8() {
        return toyMixture(0.03, 0.9995, 0.2);
    }

    /** toy2d at the mixtures' batch of 1,024, with the z-step, decay and restarts each mixture's sweep chose. */
    private static Map<String, Object> toyMixture(double zStep, double lrDecay, double xRestart) {
        Map<String, Object> m = toyTuned();
        m.put("z_step", zStep);
        m.put("batch", 1024);
        m.put("lr_decay", lrDecay);
        m.put("x_restart", xRestart);
        return m;
    }

    private static Map<String, Object> image28() {
        Map<String, Object> m = common();
        m.put("arch", "conv28");
        m.put("width", 64);
        m.put("nz", 32);
        m.put("batch", 64);
        m.put("x_step", 0.5);
        m.put("x_noise", 0.001);
        return m;
    }

    /** image28's settings on the 32x32 networks, for CIFAR-10 and imported colour pictures. */
    private static Map<String, Object> image32() {
        Map<String, Object> m = image28();
        m.put("arch", "conv32");
        return m;
    }

    private static Map<String, Object> digits8() {
        Map<String, Object> m = image28();
        m.put("arch", "conv8");
        m.put("nz", 16);
        return m;
    }

    /**
     * The paper's CIFAR-10 config (its public code's config.py): residual networks of width 512
     * (the inference model 128), nz 128, batch 100, k_x = 30 steps of s_x 0.5, spectral norm.
     * Opt-in only: at this size an iteration takes minutes on a CPU (README: a GPU).
     */
    private static Map<String, Object> cifar10Paper() {
        Map<String, Object> m = common();
        m.put("arch", "resnet32");
        m.put("width", 512);
        m.put("nz", 128);
        m.put("spectral_norm", true);
        m.put("batch", 100);
        m.put("x_step", 0.5);
        m.put("x_noise", 0.001);
        return m;
    }

    /** The paper's CelebA-64 config: width 1024, s_x 0.3 and S_factor 70, otherwise CIFAR-10's. */
    private static Map<String, Object> celeba64Paper() {
        Map<String, Object> m = cifar10Paper();
        m.put("arch", "resnet64");
        m.put("width", 1024);
        m.put("x_step", 0.3);
        m.put("s_factor", 70.0);
        return m;
    }
}
