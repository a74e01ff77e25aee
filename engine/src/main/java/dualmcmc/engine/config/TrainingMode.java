package dualmcmc.engine.config;

import java.util.Arrays;
import java.util.List;

/**
 * Dual-MCMC teaching and the baselines the paper compares it with, as one family: each mode says
 * which of the three models learn and where the two chains start, and all share the networks,
 * samplers and optimisers of the trainer ({@code dualmcmc.engine.train.DualMcmcTrainer}).
 */
public enum TrainingMode {
    /** The paper's method: inference-initialised z-revision, generator-initialised x-revision. */
    DUAL_MCMC("dual-mcmc", true, true, true, true, true),
    /** Dual-MCMC without z-revision (k_z = 0): the inference model's guess is used as it is. */
    INFERENCE_ONLY("inference-only", true, true, true, false, true),
    /**
     * Cooperative learning / MCMC teaching (Xie et al.): the EBM revises generator samples and the
     * generator learns from them with its own latent codes; no inference model, no data term.
     */
    COOPERATIVE("cooperative", true, true, false, false, false),
    /** Short-run EBM (Nijkamp et al.): the EBM alone, its samples k-step Langevin from noise. */
    SHORT_RUN("short-run", true, false, false, false, false),
    /** Alternating back-propagation (Han et al.): the generator alone, z-Langevin from prior noise. */
    ABP("abp", false, true, false, true, true);

    private final String key;
    private final boolean trainsEbm;
    private final boolean trainsGenerator;
    private final boolean trainsInference;
    private final boolean revisesZ;
    private final boolean generatorLearnsData;

    TrainingMode(String key, boolean trainsEbm, boolean trainsGenerator, boolean trainsInference, boolean revisesZ,
                 boolean generatorLearnsData) {
        this.key = key;
        this.trainsEbm = trainsEbm;
        this.trainsGenerator = trainsGenerator;
        this.trainsInference = trainsInference;
        this.revisesZ = revisesZ;
        this.generatorLearnsData = generatorLearnsData;
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(TrainingMode::key).toList();
    }

    public static TrainingMode of(String key) {
        for (TrainingMode m : values()) {
            if (m.key.equals(key)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown mode '" + key + "'; modes: " + String.join(", ", keys()));
    }

    public String key() {
        return key;
    }

    public boolean trainsEbm() {
        return trainsEbm;
    }

    public boolean trainsGenerator() {
        return trainsGenerator;
    }

    public boolean trainsInference() {
        return trainsInference;
    }

    /** z-chains revise the starting latents (false: k_z = 0 whatever the config says). */
    public boolean revisesZ() {
        return revisesZ;
    }

    /** The generator's reconstruction term on data, from inferred (or, for ABP, noise-started) latents. */
    public boolean generatorLearnsData() {
        return generatorLearnsData;
    }

    /** The generator's sample-matching term ||g(z) - T^x(g(z))||^2: the EBM teaches the generator. */
    public boolean ebmTeachesGenerator() {
        return trainsEbm && trainsGenerator;
    }

    /** x-chains (EBM samples) start from noise rather than from the generator. */
    public boolean samplesFromNoise() {
        return !trainsGenerator;
    }

    /** z-chains start from prior noise rather than from the inference model. */
    public boolean latentsFromNoise() {
        return !trainsInference;
    }
}
