package dualmcmc.app.stages;

import dualmcmc.app.chart.Roles;
import dualmcmc.engine.model.ModelKind;
import javafx.scene.paint.Color;

/**
 * The stages of one dual-MCMC iteration in the trainer's order: both revisions are computed from
 * the models as the iteration found them (the z-chain's draws come before the x-chain's), then the
 * generator, the inference model and the EBM learn in turn.
 */
public enum IterationStage {
    DRAW("x\u2080 = g(z)", "Draw and generate", "generator", ModelKind.GENERATOR,
            "Draw a batch of codes z ~ N(0, I) and generate x\u2080 = g(z): the generator's proposals.",
            "x\u2080 = g(z),  z ~ N(0, I)"),
    INFER("z\u2080 ~ q(z|x)", "Infer z from data", "inference", ModelKind.INFERENCE,
            "For the data batch x, sample codes from the inference model: its one-pass guess of what "
                    + "explains each x. Lines join each x to the decoding g(z\u2080) of its guess.",
            "z\u2080 = \u03bc(x) + exp(logvar(x) / 2) U"),
    Z_REVISION("z-revision", "z-revision", "generator", ModelKind.GENERATOR,
            "k_z Langevin steps on the generator's posterior move each guess z\u2080 to codes that "
                    + "explain x better: the decodings g(z) move toward their x.",
            "z \u2190 z \u2212 (s_z\u00b2/2) \u2207V(z) + n_z U\nV(z) = \u2016x \u2212 g(z)\u2016\u00b2/\u03c3\u00b2 + \u2016z\u2016\u00b2/(2\u03c3\u209a\u00b2)"),
    X_REVISION("x-revision", "x-revision", "EBM", ModelKind.EBM,
            "k_x Langevin steps on the energy move each proposal x\u2080 downhill, toward the data's "
                    + "low-energy regions.",
            "x \u2190 x \u2212 (s_x\u00b2/2) \u2207E(x) + n_x U"),
    UPDATE_GENERATOR("update g", "Update the generator", "generator", ModelKind.GENERATOR,
            "One Adam step on L_G: explain the data x through the revised codes, and produce what the "
                    + "EBM revised its samples into. Left: g(z) before; right: after, with its moves.",
            "L_G = \u2016x \u2212 g(z_rev)\u2016\u00b2\n    + S \u2016g(z) \u2212 x_rev\u2016\u00b2"),
    UPDATE_INFERENCE("update q", "Update the inference model", "inference", ModelKind.INFERENCE,
            "One Adam step on L_I: guess the revised codes of the data, and the codes behind the "
                    + "revised samples. The decodings g(\u03bc(x)) before (left) and after (right).",
            "L_I = NLL(z_rev; q(x))\n    + I \u00b7 NLL(z; q(x_rev))"),
    UPDATE_EBM("update E", "Update the EBM", "EBM", ModelKind.EBM,
            "One Adam step on L_E: lower the energy of the data, raise it at the samples of the updated "
                    + "generator (x-revised once more with fine_tune). The landscape before and after.",
            "L_E = (mean E(x) \u2212 mean E(x\u0303)) / T\nT = (n_x / s_x)\u00b2");

    private final String label;
    private final String title;
    private final String model;
    private final ModelKind kind;
    private final String explanation;
    private final String rule;

    IterationStage(String label, String title, String model, ModelKind kind, String explanation, String rule) {
        this.label = label;
        this.title = title;
        this.model = model;
        this.kind = kind;
        this.explanation = explanation;
        this.rule = rule;
    }

    /** 1-based, as the diagram numbers it. */
    public int number() {
        return ordinal() + 1;
    }

    /** The diagram's few words. */
    public String label() {
        return label;
    }

    public String title() {
        return title;
    }

    /** The model that acts in this stage, as the diagram tags it. */
    public String model() {
        return model;
    }

    public ModelKind kind() {
        return kind;
    }

    public String explanation() {
        return explanation;
    }

    public String rule() {
        return rule;
    }

    /** Whether the stage is one of the three updates (before / after pictures). */
    public boolean isUpdate() {
        return ordinal() >= UPDATE_GENERATOR.ordinal();
    }

    /** The colour of the acting model: the generator's orange, the EBM's revised blue, the inference model's. */
    public Color color() {
        return switch (kind) {
            case GENERATOR -> Roles.GENERATOR;
            case EBM -> Roles.REVISED;
            case INFERENCE -> Roles.INFERENCE;
        };
    }

    public static IterationStage at(int index) {
        return values()[Math.max(0, Math.min(values().length - 1, index))];
    }
}
