package dualmcmc.app.chain;

import dualmcmc.engine.config.LangevinSettings;
import dualmcmc.engine.mcmc.ChainKind;

import java.util.Locale;

/**
 * The Langevin update a chain view runs and the energy it descends, as LaTeX: the rule in symbols
 * and the same rule with the chain's current settings substituted. The z-chain's energy is the
 * engine's {@code ZRevision.targetEnergy}, U(z) = ||x - g(z)||^2 / sigma^2 + ||z||^2 / (2 sigma_p^2),
 * exactly what the chain and the heat map use.
 */
public final class UpdateRule {
    private UpdateRule() {
    }

    /** The rule in symbols. */
    public static String symbolic(ChainKind kind) {
        return kind == ChainKind.X
                ? "x_{\\tau+1} = x_\\tau - \\frac{s_x^2}{2}\\,\\nabla_x E(x_\\tau) + n_x\\,U_\\tau,"
                        + "\\quad U_\\tau \\sim \\mathcal{N}(0, I),\\quad \\tau = 0, \\dots, k_x - 1"
                : "z_{\\tau+1} = z_\\tau - \\frac{s_z^2}{2}\\,\\nabla_z U(z_\\tau) + n_z\\,U_\\tau,"
                        + "\\quad U(z) = \\frac{\\|x - g(z)\\|^2}{\\sigma^2} + \\frac{\\|z\\|^2}{2\\sigma_p^2}";
    }

    /**
     * The rule with the values substituted: step size, noise, number of steps and, for z, the
     * generator's sigma and the prior's sigma_p.
     */
    public static String substituted(ChainKind kind, LangevinSettings s, double sigma, double priorSigma) {
        String step = num(s.stepSize());
        String drift = num(0.5 * s.stepSize() * s.stepSize());
        if (kind == ChainKind.X) {
            return "x_{\\tau+1} = x_\\tau - \\frac{" + step + "^2}{2}\\,\\nabla_x E(x_\\tau) + " + num(s.noise())
                    + "\\,U_\\tau = x_\\tau - " + drift + "\\,\\nabla_x E(x_\\tau) + " + num(s.noise())
                    + "\\,U_\\tau" + (s.clamped() ? ",\\ \\mathrm{clipped\\ to}\\ [-1, 1]" : "")
                    + ",\\quad " + s.steps() + "\\ \\mathrm{steps}";
        }
        return "z_{\\tau+1} = z_\\tau - " + drift + "\\,\\nabla_z\\Big(\\frac{\\|x - g(z)\\|^2}{" + num(sigma)
                + "^2} + \\frac{\\|z\\|^2}{2 \\cdot " + num(priorSigma) + "^2}\\Big) + " + num(s.noise())
                + "\\,U_\\tau,\\quad " + s.steps() + "\\ \\mathrm{steps}";
    }

    /** Three significant digits, no exponent for the values the presets use. */
    static String num(double v) {
        if (v != 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e4)) {
            String[] p = String.format(Locale.ROOT, "%.2e", v).split("e");
            return p[0].replaceAll("\\.?0+$", "") + "\\cdot 10^{" + Integer.parseInt(p[1]) + "}";
        }
        String t = String.format(Locale.ROOT, "%.3g", v);
        return t.contains(".") ? t.replaceAll("0+$", "").replaceAll("\\.$", "") : t;
    }
}
