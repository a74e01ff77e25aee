package dualmcmc.engine.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every hyperparameter of a run, immutable and validated at construction. Changing a value makes
 * a new config ({@link #with}); names follow the reference script ({@code x_step}, {@code lr_e}, ...).
 */
public final class TrainingConfig {
    public static final String METHOD = "Method";
    public static final String NETWORKS = "Networks";
    public static final String X_CHAIN = "x-revision (EBM-guided)";
    public static final String Z_CHAIN = "z-revision (generator-guided)";
    public static final String LOSSES = "Losses";
    public static final String OPTIMISER = "Optimiser";

    /** The schema, in display order. */
    public static final List<Hyperparameter> SCHEMA = List.of(
            Hyperparameter.choice("mode", TrainingMode.keys(),
                    METHOD, "dual-mcmc (the paper), inference-only (k_z = 0), cooperative (EBM teaches the "
                            + "generator, no inference model), short-run (EBM alone, chains from noise), abp "
                            + "(generator alone, z-Langevin from noise)"),
            Hyperparameter.choice("arch", List.of("mlp", "conv28", "conv8", "conv32", "resnet32", "resnet64"),
                    NETWORKS, "Network family: MLPs for 2-D points, small conv nets for 28x28, 8x8 or 32x32 "
                            + "images, the paper's residual nets for 3x32x32 or 3x64x64 images").rebuildingNetworks(),
            Hyperparameter.integer("width", 1, 4096, NETWORKS, "width", "Hidden width of the MLPs")
                    .rebuildingNetworks(),
            Hyperparameter.integer("nz", 1, 1024, NETWORKS, "nz", "Dimension of the latent z of the generator")
                    .rebuildingNetworks(),
            Hyperparameter.flag("spectral_norm", NETWORKS,
                    "Spectral normalisation of the EBM's weights (the paper's image networks use it)")
                    .rebuildingNetworks(),
            Hyperparameter.integer("batch", 1, 4096, OPTIMISER, "B", "Batch size B"),
            Hyperparameter.integer("x_steps", 0, 1000, X_CHAIN, "k_x",
                    "Number of EBM-guided Langevin steps revising generator samples"),
            Hyperparameter.real("x_step", 0, false, 10, X_CHAIN, "s_x",
                    "Langevin step size s_x: x <- x - s_x^2/2 dE/dx + n_x U"),
            Hyperparameter.real("x_noise", 0, false, 10, X_CHAIN, "n_x",
                    "Langevin noise scale n_x; the EBM loss is divided by the temperature (n_x/s_x)^2"),
            Hyperparameter.flag("x_clamp", X_CHAIN,
                    "Clip revised images to the data's range [-1, 1] after each x-step (common EBM practice, not"
                            + " the paper's: its chain is unbounded and its FID clamps afterwards); images only"),
            Hyperparameter.real("x_anneal", 0, false, 1, X_CHAIN, "a_x",
                    "Noise of the last x-step as a fraction of n_x, falling geometrically over the chain (1:"
                            + " constant, the paper's; below 1: annealed, common EBM practice)"),
            Hyperparameter.real("x_grad_clip", 0, true, 1e6, X_CHAIN, "c_x",
                    "Each coordinate of dE/dx an x-step follows is clipped to [-c_x, c_x] (0: none, the paper's;"
                            + " clipping the chain's gradient is common EBM practice)"),
            Hyperparameter.integer("z_steps", 0, 1000, Z_CHAIN, "k_z",
                    "Number of generator-guided Langevin steps revising inferred latents"),
            Hyperparameter.real("z_step", 0, false, 10, Z_CHAIN, "s_z", "Langevin step size s_z on z"),
            Hyperparameter.real("z_noise", 0, true, 10, Z_CHAIN, "n_z", "Langevin noise scale n_z on z"),
            Hyperparameter.real("sigma", 0, false, 10, Z_CHAIN, "sigma",
                    "Std of the generator's observation noise: p(x|z) = N(g(z), sigma^2 I)"),
            Hyperparameter.real("prior_sigma", 0, false, 10, Z_CHAIN, "sigma_p", "Std of the prior p(z)"),
            Hyperparameter.real("s_factor", 0, true, 10000, LOSSES, "S",
                    "Weight of the generator's sample-matching term ||g(z) - T_x(g(z))||^2"),
            Hyperparameter.real("i_factor", 0, true, 10000, LOSSES, "I",
                    "Weight of the inference model's term on revised samples"),
            Hyperparameter.flag("fine_tune", LOSSES,
                    "EBM update uses x-revised samples of the updated generator (as the paper's configs)"),
            Hyperparameter.real("x_restart", 0, true, 1, LOSSES, "r_x",
                    "Fraction of the EBM update's x-chains started from noise instead of generator samples (0:"
                            + " none, the paper's; restarting a few percent of chains from noise is common EBM practice)"),
            Hyperparameter.real("e_reg", 0, true, 1000, LOSSES, "alpha",
                    "Weight of the energies' squares alpha (E(data)^2 + E(samples)^2) added to the EBM's loss, in the"
                            + " units of its contrast (0: none, the paper's; a common EBM practice against runaway"
                            + " energies)"),
            Hyperparameter.real("divergence_bound", 0, false, 1e12, LOSSES, "bound",
                    "Training pauses when |mean E(data) - mean E(samples)| exceeds this"),
            Hyperparameter.real("lr_e", 0, false, 1, OPTIMISER, "lr_E", "Adam learning rate of the EBM"),
            Hyperparameter.real("lr_g", 0, false, 1, OPTIMISER, "lr_G", "Adam learning rate of the generator"),
            Hyperparameter.real("lr_i", 0, false, 1, OPTIMISER, "lr_I",
                    "Adam learning rate of the inference model"),
            Hyperparameter.real("decay_g", 0, true, 1, OPTIMISER, "wd_G", "L2 weight decay of the generator"),
            Hyperparameter.real("decay_i", 0, true, 1, OPTIMISER, "wd_I",
                    "L2 weight decay of the inference model"),
            Hyperparameter.real("lr_decay", 0, false, 1, OPTIMISER, "gamma",
                    "Learning rates are multiplied by this once per epoch"),
            Hyperparameter.integer("lr_e_warmup", 0, 1_000_000, OPTIMISER, "w_E",
                    "Iterations over which the EBM's learning rate rises linearly to lr_E (0: none, the paper's;"
                            + " a warm-up is common EBM practice)"),
            Hyperparameter.real("beta1", 0, true, 1, OPTIMISER, "beta1", "Adam beta1 (0 in the paper)"),
            Hyperparameter.real("beta2", 0, true, 1, OPTIMISER, "beta2", "Adam beta2 (0.9 in the paper)"));

    private static final Map<String, Hyperparameter> BY_KEY = SCHEMA.stream()
            .collect(Collectors.toMap(Hyperparameter::key, h -> h, (a, b) -> a, LinkedHashMap::new));

    /** Settings added after files were first written, with the value those files meant. */
    private static final Map<String, Object> ADDED_LATER = Map.of("mode", TrainingMode.DUAL_MCMC.key(),
            "x_clamp", false, "x_anneal", 1.0, "lr_e_warmup", 0, "x_restart", 0.0,
            "e_reg", 0.0, "x_grad_clip", 0.0);

    private final Map<String, Object> values;
    private final Networks networks;
    private final LangevinSettings xChain;
    private final LangevinSettings zChain;
    private final double sigma;
    private final double priorSigma;
    private final Losses losses;
    private final Optimiser optimiser;

    /**
     * Builds a config from a complete map of typed values; every key of the schema is required,
     * except those added later, which take the value older files meant.
     */
    public TrainingConfig(Map<String, ?> values) {
        Map<String, Object> v = new LinkedHashMap<>();
        for (String key : values.keySet()) {
            schema(key);
        }
        for (Hyperparameter h : SCHEMA) {
            Object value = values.containsKey(h.key()) ? values.get(h.key()) : ADDED_LATER.get(h.key());
            if (value == null) {
                throw new IllegalArgumentException("missing setting " + h.key());
            }
            v.put(h.key(), h.validate(value));
        }
        this.values = Collections.unmodifiableMap(v);
        // read once here: code that knows which setting it wants reads these records, so a key is
        // spelled only in the schema, here and where a key is data (the CLI, the settings sheet)
        this.networks = new Networks(string("arch"), integer("width"), integer("nz"), bool("spectral_norm"));
        if (bool("x_clamp") && networks.arch().equals("mlp")) {
            // the MLPs are the 2-D points' networks (the config does not see the data), and points
            // live on no fixed range: a clip at 1 would cut grid25's outer modes
            throw new IllegalArgumentException("x_clamp keeps images in their range [-1, 1]; the " + networks.arch()
                    + " networks model 2-D points, which have no such range");
        }
        this.xChain = new LangevinSettings(integer("x_steps"), real("x_step"), real("x_noise"), bool("x_clamp"),
                real("x_anneal"), real("x_grad_clip"));
        this.zChain = new LangevinSettings(integer("z_steps"), real("z_step"), real("z_noise"));
        this.sigma = real("sigma");
        this.priorSigma = real("prior_sigma");
        this.losses = new Losses(real("s_factor"), real("i_factor"), bool("fine_tune"), real("x_restart"),
                real("e_reg"), real("divergence_bound"));
        this.optimiser = new Optimiser(integer("batch"), real("lr_e"), real("lr_g"), real("lr_i"), real("decay_g"),
                real("decay_i"), real("lr_decay"), integer("lr_e_warmup"), real("beta1"), real("beta2"));
    }

    private String string(String key) {
        return (String) values.get(key);
    }

    private int integer(String key) {
        return (Integer) values.get(key);
    }

    private double real(String key) {
        return (Double) values.get(key);
    }

    private boolean bool(String key) {
        return (Boolean) values.get(key);
    }

    /** The descriptor of {@code key}; an unknown key is refused with the list of valid ones. */
    public static Hyperparameter schema(String key) {
        Hyperparameter h = BY_KEY.get(key);
        if (h == null) {
            throw new IllegalArgumentException("unknown setting '" + key + "'; valid settings: "
                    + String.join(", ", BY_KEY.keySet()));
        }
        return h;
    }

    /** The current value of {@code key} as the app shows it ({@link Hyperparameter#format}). */
    public String format(String key) {
        return schema(key).format(values.get(key));
    }

    /** A copy with {@code key} set from text, validated. */
    public TrainingConfig with(String key, String text) {
        return withValue(key, schema(key).parse(text));
    }

    public TrainingConfig withValue(String key, Object value) {
        Map<String, Object> v = new LinkedHashMap<>(values);
        v.put(key, schema(key).validate(value));
        return new TrainingConfig(v);
    }

    /** Applies {@code key=value} overrides in order (the CLI's {@code --set}). */
    public TrainingConfig withOverrides(List<String> assignments) {
        TrainingConfig c = this;
        for (String a : assignments) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected key=value, got '" + a + "'");
            }
            c = c.with(a.substring(0, eq).trim(), a.substring(eq + 1));
        }
        return c;
    }

    public Map<String, Object> values() {
        return values;
    }

    public Object get(String key) {
        schema(key);
        return values.get(key);
    }

    /** For a key held as data; code that knows the setting reads the typed records instead. */
    public int intValue(String key) {
        return (Integer) get(key);
    }

    public double doubleValue(String key) {
        return (Double) get(key);
    }

    public boolean flag(String key) {
        return (Boolean) get(key);
    }

    public String mode() {
        return string("mode");
    }

    public Networks networks() {
        return networks;
    }

    public String arch() {
        return networks.arch();
    }

    public int width() {
        return networks.width();
    }

    public int nz() {
        return networks.nz();
    }

    public int batch() {
        return optimiser.batch();
    }

    public LangevinSettings xChain() {
        return xChain;
    }

    public LangevinSettings zChain() {
        return zChain;
    }

    public double sigma() {
        return sigma;
    }

    public double priorSigma() {
        return priorSigma;
    }

    public Losses losses() {
        return losses;
    }

    public Optimiser optimiser() {
        return optimiser;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainingConfig c && c.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
