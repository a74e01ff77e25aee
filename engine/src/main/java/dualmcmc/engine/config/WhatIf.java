package dualmcmc.engine.config;

import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One-change departures from a preset that show what a part of the method is for, by taking it
 * away or breaking it. Each says what to look for; the figures quoted were measured with
 * {@code train --dataset ring8 --seed 1 --iterations 1500} on the {@code toy2d} preset with the
 * change set, against the preset itself (revised samples 8 of 8 modes, 6.8% high quality, KL 0.022;
 * generator 8 modes, KL 0.064; mean E(data) between -0.3 and -2).
 */
public enum WhatIf {
    STEP_TOO_LARGE("step-too-large", "The x-revision's step is 30 times too large",
            "Each Langevin step jumps past the modes. Watch the EBM loss swing in the thousands and the energy stay "
                    + "flat; the revised samples scatter (ring8 at 1,500 iterations: 6 of 8 modes, 0.3% high "
                    + "quality, against 8 and 6.8% with the preset).",
            base -> base.withValue("x_step", Math.min(WhatIf.MAX_X_STEP, 30 * base.xChain().stepSize()))),
    NO_X_REVISION("no-x-revision", "No x-revision (k_x = 0)",
            "The EBM is never shown samples revised under itself, only the generator's: nothing holds its energy "
                    + "in place. Watch the mean energies run off (ring8: E(data) -15, -155 and -3,575 at iterations "
                    + "100, 300 and 1,000; the preset stays between -0.3 and -2).",
            base -> base.withValue("x_steps", 0)),
    NO_INFERENCE("no-inference", "No inference model (cooperative learning)",
            "The generator learns only from the EBM's revised samples, never from the data through inferred "
                    + "latents. Watch the generator's own samples: on ring8 at 1,500 iterations they cover 7 modes "
                    + "with KL 0.23, against 8 modes and KL 0.06 with the inference model.",
            base -> base.withValue("mode", TrainingMode.COOPERATIVE.key())),
    FROM_NOISE("from-noise", "x-chains from noise, no generator (short-run EBM)",
            "The EBM alone, its samples k_x Langevin steps from noise. On the 2-D toys it still finds the modes "
                    + "(ring8: 8 of 8), but no generator learns (its samples cover 3 modes), so there is no fast "
                    + "sampler: every sample costs all k_x steps. Compare starts shows the difference a start makes.",
            base -> base.withValue("mode", TrainingMode.SHORT_RUN.key()));

    /** Within x_step's allowed range whatever the preset. */
    private static final double MAX_X_STEP = 10.0;

    private final String key;
    private final String title;
    private final String lookFor;
    private final UnaryOperator<TrainingConfig> change;

    WhatIf(String key, String title, String lookFor, UnaryOperator<TrainingConfig> change) {
        this.key = key;
        this.title = title;
        this.lookFor = lookFor;
        this.change = change;
    }

    /** The preset's config with this one change. */
    public TrainingConfig apply(TrainingConfig base) {
        return change.apply(base);
    }

    public String key() {
        return key;
    }

    public String title() {
        return title;
    }

    /** What to watch for, in a few sentences, with the figures measured on ring8. */
    public String lookFor() {
        return lookFor;
    }

    public static WhatIf of(String key) {
        return Arrays.stream(values()).filter(w -> w.key.equals(key)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown what-if '" + key + "'; known: "
                        + String.join(", ", Arrays.stream(values()).map(WhatIf::key).toList())));
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(WhatIf::key).toList();
    }
}
